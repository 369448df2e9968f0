package io.offstream.registry.client;

/**
 * A region to register (or update, by name).
 *
 * @param name region name, e.g. {@code region-a}
 * @param scdfUrl the SCDF server that runs the region's tasks, e.g. {@code http://localhost:9393}
 * @param platformAccount the SCDF task platform account of the region
 * @param kafkaBootstrap the region's Kafka bootstrap servers (for the runs placed there); may be null
 * @param capacitySource {@code scdf} (Cap_max is the account's {@code maximum-concurrent-tasks}) or a fixed number
 */
public record RegionSpec(String name, String scdfUrl, String platformAccount, String kafkaBootstrap, String capacitySource) {

    /** A region whose capacity is read from SCDF. */
    public static RegionSpec fromScdf(String name, String scdfUrl, String platformAccount, String kafkaBootstrap) {
        return new RegionSpec(name, scdfUrl, platformAccount, kafkaBootstrap, "scdf");
    }
}
