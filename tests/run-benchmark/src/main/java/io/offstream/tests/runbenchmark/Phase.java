package io.offstream.tests.runbenchmark;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The processes of an offstream-run: the composed task runner and its five phases, each known by
 * its label in the composed definition ({@code composed-definitions/offstream-run.task}), the jar
 * SCDF launches for it, and the main class of the engine JVM it starts, if any.
 */
public enum Phase {

    RUNNER("runner", null, "offstream-composed-task-runner", null),
    PLAN("plan", "plan", "offstream-plan", null),
    INGRESS("ingress", "ingress", "offstream-ingress", "io.offstream.tasks.ingress.spark.IngressSparkJob"),
    LAG_WAIT("lag-wait", "drain", "offstream-lag-wait", null),
    EGRESS("egress", "egress", "offstream-egress", "io.offstream.tasks.egress.flink.FlinkEgressJob"),
    VALIDATE("validate", "validate", "offstream-validate", null);

    /** The five phases in the order the composed task runs them. */
    public static final List<Phase> STEPS = List.of(PLAN, INGRESS, LAG_WAIT, EGRESS, VALIDATE);

    private static final String CHILD_PREFIX = "offstream-run-";

    private final String displayName;

    private final String label;

    private final Pattern jar;

    private final String engineMainClass;

    Phase(String displayName, String label, String jarName, String engineMainClass) {
        this.displayName = displayName;
        this.label = label;
        // <artifactId>-<version>.jar, so that offstream-ingress does not also match offstream-ingress-benchmark
        this.jar = Pattern.compile("(^|.*/)" + Pattern.quote(jarName) + "-\\d[^/]*\\.jar");
        this.engineMainClass = engineMainClass;
    }

    public String displayName() {
        return displayName;
    }

    public boolean startsEngine() {
        return engineMainClass != null;
    }

    /** The phase a child execution stands for: SCDF names it {@code offstream-run-<label>}. */
    public static Optional<Phase> ofChildTask(String taskName) {
        for (Phase phase : STEPS) {
            if (taskName.equals(CHILD_PREFIX + phase.label)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    /** The phase whose task jar a command line runs ({@code java ... -jar <jar> ...}). */
    public static Optional<Phase> ofTaskCommand(List<String> commandLine) {
        int jarFlag = commandLine.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= commandLine.size()) {
            return Optional.empty();
        }
        String jarPath = commandLine.get(jarFlag + 1);
        for (Phase phase : values()) {
            if (phase.jar.matcher(jarPath).matches()) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    /** The phase whose engine job a command line runs: its main class is one argument of it. */
    public static Optional<Phase> ofEngineCommand(List<String> commandLine) {
        for (Phase phase : values()) {
            if (phase.startsEngine() && commandLine.contains(phase.engineMainClass)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
