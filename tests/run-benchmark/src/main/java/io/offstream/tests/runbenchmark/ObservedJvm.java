package io.offstream.tests.runbenchmark;

import java.util.List;

/**
 * A Java process the sampler saw, with its memory over the time it was sampled, in KiB.
 *
 * @param ancestors   its parent, grandparent, ... as they were when it was first seen
 * @param firstRssKiB its resident set at the first sample
 * @param peakRssKiB  the highest resident set sampled
 * @param peakHwmKiB  the highest VmHWM read: the kernel's own peak of the process, so a spike
 *                    between two samples still counts (up to the last sample before it ended)
 */
public record ObservedJvm(long pid, List<Long> ancestors, List<String> commandLine, long firstRssKiB, long peakRssKiB, long peakHwmKiB) {

    /** Whether the command line has this exact argument. */
    public boolean hasArgument(String argument) {
        return commandLine.contains(argument);
    }
}
