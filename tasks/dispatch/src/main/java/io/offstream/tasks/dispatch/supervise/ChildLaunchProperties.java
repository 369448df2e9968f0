package io.offstream.tasks.dispatch.supervise;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.tasks.support.ledger.DispatchChild;
import io.offstream.tasks.support.run.RunParameters;

/**
 * The launch properties of a child: the parent's run parameters with the child's own key and
 * days, for every app of the composed run ({@code app.*.offstream.run.*}), the parent's service
 * catalogue, the region's Kafka, the platform account, and what the user gave for every child.
 */
final class ChildLaunchProperties {

    private ChildLaunchProperties() {
    }

    static Map<String, String> of(RunParameters parent, DispatchChild child, String platformAccount, String kafkaBootstrap,
            URI catalogue, Map<String, String> userProperties) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("app.*.offstream.run.dataset", parent.dataset().toString());
        properties.put("app.*.offstream.run.from", child.from().toString());
        properties.put("app.*.offstream.run.to", child.to().toString());
        properties.put("app.*.offstream.run.service", parent.service());
        properties.put("app.*.offstream.run.key", child.childRunKey());
        properties.put("app.*.offstream.run.landing", parent.landing().toString());
        if (kafkaBootstrap != null && !kafkaBootstrap.isBlank()) {
            properties.put("app.*.offstream.kafka.bootstrap-servers", kafkaBootstrap);
        }
        properties.put("app.*.offstream.services.location", catalogue.toString());
        properties.putAll(userProperties);
        properties.put(LaunchRequest.PLATFORM_PROPERTY, platformAccount);
        return properties;
    }
}
