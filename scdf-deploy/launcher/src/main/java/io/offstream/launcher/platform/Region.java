package io.offstream.launcher.platform;

import java.util.ArrayList;
import java.util.List;

import io.offstream.launcher.LauncherException;

/** A local region: an SCDF platform account with its maximum-concurrent-tasks (Cap_max). */
public record Region(String name, int maxConcurrentTasks) {

    /** The default local regions, as lib.sh gives them. */
    public static final String DEFAULTS = "region-a:8 region-b:6 region-c:4";

    /** {@code OFFSTREAM_REGIONS}: space-separated {@code name:max} pairs. */
    public static List<Region> parse(String pairs) {
        List<Region> regions = new ArrayList<>();
        for (String pair : pairs.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || !pair.substring(colon + 1).matches("[0-9]+") || !pair.substring(0, colon).matches("[a-z][a-z0-9-]*")) {
                throw new LauncherException("OFFSTREAM_REGIONS holds name:max pairs like region-a:8, not '" + pair + "'");
            }
            regions.add(new Region(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1))));
        }
        return List.copyOf(regions);
    }

    @Override
    public String toString() {
        return name + ":" + maxConcurrentTasks;
    }
}
