package io.offstream.tests.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Authorization Server with the clients and the user the secured-SCDF tests need, all
 * from {@code application.yml}: it binds 127.0.0.1 on {@code --server.port}, its issuer is
 * {@code --offstream.auth.issuer} and the dashboard's redirect URI {@code --offstream.auth.dashboard-redirect-uri}.
 * Secrets come from the environment only ({@code OFFSTREAM_AUTH_*}), never from arguments.
 */
@SpringBootApplication
public class TestAuthorizationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TestAuthorizationServerApplication.class, args);
    }
}
