package io.offstream.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;

/**
 * The service consumer is registered with SCDF as a stream app (a {@code processor}: ingress in,
 * egress out), though this server keeps streams off, so the dashboard and {@code app info} show its
 * options with their descriptions, from the metadata in its jar.
 */
@ExtendWith(LocalPlatformExtension.class)
class ConsumerAppRegistrationIntegrationTests {

    @Test
    void theDashboardListsTheConsumerWithItsDescribedOptions(LocalPlatform platform) {
        URI jar = platform.layout().appJar("stream-apps/service-consumer", "offstream-service-consumer-*.jar").toUri();
        platform.dataflow().registerStreamApp("processor", "offstream-service-consumer", jar);

        JsonNode app = platform.dataflow().get("/apps/processor/offstream-service-consumer");

        assertThat(app.path("uri").asText()).isEqualTo(jar.toString());
        Map<String, String> descriptions = new HashMap<>();
        app.path("options").forEach(option -> descriptions.put(option.path("id").asText(), option.path("description").asText()));
        assertThat(descriptions).containsKeys("offstream.consumer.service", "offstream.consumer.max-in-flight",
                "offstream.consumer.rate-limit", "offstream.consumer.call-timeout", "offstream.services.location",
                "spring.cloud.stream.kafka.binder.brokers");
        assertThat(descriptions.get("offstream.consumer.max-in-flight")).contains("in flight");
        assertThat(descriptions.get("offstream.services.location")).contains("catalogue");
    }
}
