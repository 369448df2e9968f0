package io.offstream.tests.runbenchmark;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The peak memory of one run's JVMs, from what the sampler saw. Other runs and tests may share the
 * machine, so a JVM counts only if it is this run's: a task JVM carries one of the run's
 * execution ids on its command line (SCDF passes {@code --spring.cloud.task.executionid}); an
 * engine JVM runs below one of those task JVMs.
 */
public final class RunMemory {

    /** One phase's peaks in KiB: its task JVM(s) and, separately, the engine JVM(s) it started. */
    public record PhasePeak(OptionalLong taskKiB, int taskJvms, OptionalLong engineKiB, int engineJvms) {
    }

    /** The long-lived service consumer: its resident set when the run started and the highest during it, in KiB. */
    public record ConsumerMemory(long pid, long beforeKiB, long peakKiB) {
    }

    private static final Pattern CONSUMER_JAR = Pattern.compile("(^|.*/)offstream-service-consumer-\\d[^/]*\\.jar");

    private final Map<Phase, PhasePeak> phases;

    private final Optional<ConsumerMemory> consumer;

    public RunMemory(List<ObservedJvm> observed, Set<Long> runExecutionIds, String service) {
        List<ObservedJvm> tasks = observed.stream()
                .filter(jvm -> Phase.ofTaskCommand(jvm.commandLine()).isPresent())
                .filter(jvm -> runExecutionIds.stream().anyMatch(id -> jvm.hasArgument("--spring.cloud.task.executionid=" + id)))
                .toList();
        Set<Long> taskPids = tasks.stream().map(ObservedJvm::pid).collect(Collectors.toSet());
        List<ObservedJvm> engines = observed.stream()
                .filter(jvm -> Phase.ofEngineCommand(jvm.commandLine()).isPresent())
                .filter(jvm -> jvm.ancestors().stream().anyMatch(taskPids::contains))
                .toList();
        Map<Phase, PhasePeak> peaks = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            List<ObservedJvm> own = tasks.stream().filter(jvm -> Phase.ofTaskCommand(jvm.commandLine()).get() == phase).toList();
            List<ObservedJvm> engine = engines.stream().filter(jvm -> Phase.ofEngineCommand(jvm.commandLine()).get() == phase).toList();
            peaks.put(phase, new PhasePeak(peak(own), own.size(), peak(engine), engine.size()));
        }
        this.phases = peaks;
        this.consumer = observed.stream()
                .filter(jvm -> jvm.commandLine().stream().anyMatch(arg -> CONSUMER_JAR.matcher(arg).matches()))
                .filter(jvm -> jvm.hasArgument("--offstream.consumer.service=" + service))
                // a consumer restarted during the run: the one that was there first gives "before"
                .findFirst()
                .map(first -> new ConsumerMemory(first.pid(), first.firstRssKiB(), observed.stream()
                        .filter(jvm -> jvm.commandLine().equals(first.commandLine()))
                        .mapToLong(ObservedJvm::peakRssKiB).max().orElse(first.peakRssKiB())));
    }

    public PhasePeak of(Phase phase) {
        return phases.get(phase);
    }

    public Optional<ConsumerMemory> consumer() {
        return consumer;
    }

    private static OptionalLong peak(List<ObservedJvm> jvms) {
        return jvms.stream().mapToLong(ObservedJvm::peakHwmKiB).max();
    }
}
