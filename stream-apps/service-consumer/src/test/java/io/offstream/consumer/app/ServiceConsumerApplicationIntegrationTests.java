package io.offstream.consumer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Boot wiring: the engine starts on the broker, health shows the binding, metrics and the rate-limit endpoint answer. */
class ServiceConsumerApplicationIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsTheEngineAndExposesBindingHealthMetricsAndTheRateLimit(@TempDir Path dir) throws Exception {
        try (KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dir).freePorts().build()).start();
             ConfigurableApplicationContext context = SpringApplication.run(ServiceConsumerApplication.class,
                     "--server.port=0", "--offstream.consumer.bootstrap-servers=" + broker.bootstrapServers(),
                     "--offstream.consumer.rate-limit=50")) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

            String health = get(base + "/actuator/health/binding");
            assertThat(health).contains("\"status\":\"UP\"").contains("offstream-risk").contains("offstream\\\\.risk\\\\..+\\\\.ingress");

            assertThat(get(base + "/actuator/ratelimit")).contains("50");
            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/ratelimit"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"permitsPerSecond\":123}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(get(base + "/actuator/ratelimit")).contains("123");

            assertThat(get(base + "/actuator/prometheus"))
                    .contains("offstream_consumer_records_in_total{service=\"risk\"}")
                    .contains("offstream_consumer_in_flight{service=\"risk\"}")
                    .contains("offstream_consumer_rate_limit{service=\"risk\"} 123.0")
                    .contains("offstream_service_latency_seconds_bucket")
                    .contains("offstream_consumer_lag{service=\"risk\"}");
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
