package io.offstream.contract.service;

import java.util.List;
import java.util.Map;

/**
 * A catalogue entry's {@code service.yaml}: what the platform needs to know of a service beyond
 * its request and response schemas.
 *
 * @param name the service name (topics, consumer group, landing folder)
 * @param key request fields that form the record key (Kafka key, de-duplication, landing key)
 * @param eventTime request field whose time must fall inside the row's dt= day; null when not checked
 * @param columns request field to warehouse column, where the names differ
 * @param constraints checks per request field beyond its type
 * @param invoke how the consumer calls the service
 * @param consumer the consumer's limits
 * @param diffIgnore response fields a comparison of two service versions does not compare
 */
public record ServiceDescriptor(String name, List<String> key, String eventTime, Map<String, String> columns,
        Map<String, FieldConstraint> constraints, Invoke invoke, ConsumerLimits consumer, List<String> diffIgnore) {

    public ServiceDescriptor {
        key = List.copyOf(key);
        columns = Map.copyOf(columns);
        constraints = Map.copyOf(constraints);
        diffIgnore = List.copyOf(diffIgnore);
    }

    /** The warehouse column a request field is read from. */
    public String columnOf(String field) {
        return columns.getOrDefault(field, field);
    }
}
