package io.offstream.registry.model;

/**
 * What a region's SCDF says now.
 *
 * @param up whether SCDF answered and knows the platform account
 * @param reason why it is DOWN; null when UP
 * @param capMax the account's maximum concurrent tasks (or the region's fixed capacity)
 * @param active tasks running on the account
 */
public record RegionCapacity(boolean up, String reason, int capMax, int active) {

    public static RegionCapacity up(int capMax, int active) {
        return new RegionCapacity(true, null, capMax, active);
    }

    public static RegionCapacity down(String reason) {
        return new RegionCapacity(false, reason, 0, 0);
    }
}
