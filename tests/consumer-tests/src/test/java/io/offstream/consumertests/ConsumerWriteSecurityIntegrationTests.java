package io.offstream.consumertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.offstream.testsupport.process.SecretFiles;
import org.junit.jupiter.api.Test;

/**
 * The consumer's jar as the local platform runs it: its actuator writes (the rate limit that
 * protects the production dependency, pausing the binding) ask the password it was handed as a
 * config tree. (Without one every write is refused and the log says so once: stream-apps/boot4-security's
 * WriteSecurityIntegrationTests, in process, which is cheaper than a second consumer JVM.)
 */
class ConsumerWriteSecurityIntegrationTests extends ConsumerProcessTestSupport {

    @Test
    void actuatorWritesAskThePasswordHandedOverAsAConfigTree() throws Exception {
        SecretFiles secrets = SecretFiles.in(workDir.resolve("secrets/consumer"));
        String password = secrets.generate("offstream.security.password");
        String name = unique("secured-consumer");
        try (App consumer = startConsumer(name,
                "--spring.config.import=optional:configtree:" + secrets.directory() + "/")) {
            String rateLimit = consumer.url("/actuator/ratelimit");
            assertThat(post(rateLimit, "{\"permitsPerSecond\":0}", null)).isEqualTo(401);
            assertThat(post(rateLimit, "{\"permitsPerSecond\":0}", basic("offstream", password + "x"))).isEqualTo(401);
            assertThat(post(rateLimit, "{\"permitsPerSecond\":77}", basic("offstream", password))).isEqualTo(200);
            assertThat(get(rateLimit)).startsWith("200 ").contains("77");

            String binding = consumer.url("/actuator/bindings/ingress");
            assertThat(post(binding, "{\"state\":\"PAUSED\"}", null)).isEqualTo(401);
            assertThat(get(binding)).contains("\"state\":\"running\"");
            assertThat(post(binding, "{\"state\":\"PAUSED\"}", basic("offstream", password))).isEqualTo(204);
            assertThat(get(binding)).contains("\"state\":\"paused\"");
            assertThat(post(binding, "{\"state\":\"RESUMED\"}", basic("offstream", password))).isEqualTo(204);

            assertThat(log(name)).doesNotContain(password).doesNotContain("are disabled")
                    .doesNotContainIgnoringCase("generated security password");
        }
    }

    /** A process name of its own, so that its log (appended to across runs) holds this run only. */
    private static String unique(String name) {
        return name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String log(String name) throws Exception {
        return Files.readString(Path.of("target", "logs", name + ".log"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int post(String url, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
