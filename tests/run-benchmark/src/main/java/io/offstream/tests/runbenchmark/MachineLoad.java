package io.offstream.tests.runbenchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's cores and load average at one moment: figures from a shared machine only mean
 * something next to what else was running.
 */
public record MachineLoad(int cores, String loadAverage) {

    public static MachineLoad now() {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            load = fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException | ArrayIndexOutOfBoundsException e) {
            load = "unknown (" + e.getMessage() + ")";
        }
        return new MachineLoad(Runtime.getRuntime().availableProcessors(), load);
    }

    @Override
    public String toString() {
        return cores + " cores, load average " + loadAverage + " (1, 5, 15 min)";
    }
}
