package io.offstream.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real HTTP through a started app: reads are open, writes to the API and to actuator endpoints
 * ask the configured credentials, a missing password disables writes (said once at start, no
 * generated password), and the password arrives through a config tree as the scripts hand it.
 */
class WriteSecurityIntegrationTests {

    private static final String PASSWORD = "s3cret-for-tests";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesAskTheConfiguredCredentialsAndReadsStayOpen() throws Exception {
        try (ConfigurableApplicationContext app = start("--offstream.security.password=" + PASSWORD)) {
            String base = base(app);
            assertThat(send("GET", base + "/things", null, null).statusCode()).isEqualTo(200);
            assertThat(send("HEAD", base + "/actuator/health", null, null).statusCode()).isEqualTo(200);

            for (String write : List.of(base + "/things", base + "/actuator/loggers/io.offstream")) {
                String body = write.endsWith("things") ? "thing" : "{\"configuredLevel\":\"DEBUG\"}";
                assertThat(send("POST", write, body, null).statusCode()).as("no credentials: %s", write).isEqualTo(401);
                assertThat(send("POST", write, body, basic("offstream", "wrong")).statusCode()).as("wrong password").isEqualTo(401);
                assertThat(send("POST", write, body, basic("someone", PASSWORD)).statusCode()).as("wrong user").isEqualTo(401);
                assertThat(send("POST", write, body, basic("offstream", PASSWORD)).statusCode()).as("right").isBetween(200, 204);
            }
            assertThat(send("GET", base + "/things", null, null).body()).contains("thing");
            assertThat(send("GET", base + "/actuator/loggers/io.offstream", null, null).body()).contains("DEBUG");
            assertThat(send("DELETE", base + "/things", null, null).statusCode()).isEqualTo(401);
            assertThat(send("PUT", base + "/things", "x", null).statusCode()).isEqualTo(401);
            assertThat(send("PATCH", base + "/things", "x", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutAPasswordEveryWriteIsRefusedAndTheStartSaysSoOnce() throws Exception {
        StringBuilder console = new StringBuilder();
        try (ConfigurableApplicationContext app = capturing(console, WriteSecurityIntegrationTests::start)) {
            String base = base(app);
            assertThat(send("POST", base + "/things", "x", null).statusCode()).isEqualTo(401);
            assertThat(send("POST", base + "/things", "x", basic("offstream", "")).statusCode()).isEqualTo(401);
            assertThat(send("POST", base + "/things", "x", basic("offstream", "anything")).statusCode()).isEqualTo(401);
            assertThat(send("GET", base + "/things", null, null).statusCode()).isEqualTo(200);
        }
        List<String> lines = console.toString().lines().filter(l -> l.contains("offstream.security.password")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("Writes (POST, PUT, PATCH, DELETE) are disabled: refused with 401 until "
                + "offstream.security.password is set");
        assertThat(console.toString()).doesNotContainIgnoringCase("generated security password");
    }

    @Test
    void thePasswordArrivesThroughAConfigTreeAndIsNeverLogged(@TempDir Path dir) throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path file = secrets.resolve("offstream.security.password");
        Files.writeString(file, PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        StringBuilder console = new StringBuilder();
        try (ConfigurableApplicationContext app = capturing(console,
                () -> start("--spring.config.import=optional:configtree:" + secrets + "/", "--offstream.security.user=writer"))) {
            String base = base(app);
            assertThat(send("POST", base + "/things", "x", basic("writer", PASSWORD)).statusCode()).isEqualTo(200);
            assertThat(send("POST", base + "/things", "x", basic("offstream", PASSWORD)).statusCode()).isEqualTo(401);
            assertThat(app.getBean(WriteSecurityProperties.class).toString()).doesNotContain(PASSWORD);
        }
        assertThat(console.toString()).doesNotContain(PASSWORD).doesNotContain("are disabled");
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--management.endpoints.web.exposure.include=health,loggers", "--spring.main.banner-mode=off"));
        all.addAll(List.of(args));
        return SpringApplication.run(WriteSecurityTestApplication.class, all.toArray(String[]::new));
    }

    /** Runs the start with stdout and stderr copied into {@code console} (the app's console log). */
    private static ConfigurableApplicationContext capturing(StringBuilder console, java.util.function.Supplier<ConfigurableApplicationContext> start) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
        try {
            return start.get();
        }
        finally {
            System.setOut(out);
            System.setErr(err);
            console.append(copy.toString(StandardCharsets.UTF_8));
        }
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class Tee extends OutputStream {

        private final OutputStream first;

        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
