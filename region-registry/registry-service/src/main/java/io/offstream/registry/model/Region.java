package io.offstream.registry.model;

import java.time.Instant;

/**
 * A region: one SCDF task platform account.
 *
 * @param capacitySource {@code scdf} (Cap_max is read from SCDF) or a fixed number
 */
public record Region(String name, String scdfUrl, String platformAccount, String kafkaBootstrap,
        String capacitySource, boolean enabled, Instant createdAt, Instant updatedAt) {

    public static final String CAPACITY_FROM_SCDF = "scdf";

    /** The fixed Cap_max, or null when it is read from SCDF. */
    public Integer fixedCapacity() {
        return CAPACITY_FROM_SCDF.equalsIgnoreCase(capacitySource) ? null : Integer.valueOf(capacitySource.trim());
    }

    /** Whether a capacity source is {@code scdf} or a non-negative number. */
    public static boolean isValidCapacitySource(String source) {
        if (source == null || CAPACITY_FROM_SCDF.equalsIgnoreCase(source)) {
            return source != null;
        }
        try {
            return Integer.parseInt(source.trim()) >= 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }
}
