package io.offstream.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A web app with one resource to read and write, for the security tests. */
@SpringBootApplication
class WriteSecurityTestApplication {

    @RestController
    static class Things {

        private final List<String> things = new CopyOnWriteArrayList<>();

        @GetMapping("/things")
        List<String> list() {
            return things;
        }

        @PostMapping("/things")
        List<String> add(@RequestBody String thing) {
            things.add(thing);
            return things;
        }
    }
}
