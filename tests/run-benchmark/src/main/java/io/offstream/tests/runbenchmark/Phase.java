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

    RUNNER("runner", null, "offstream-composed-task-runner", "io.offstream.tasks.composed.ComposedTaskRunnerApplication", null),
    PLAN("plan", "plan", "offstream-plan", "io.offstream.tasks.plan.PlanTaskApplication", null),
    INGRESS("ingress", "ingress", "offstream-ingress", "io.offstream.tasks.ingress.IngressTaskApplication",
            "io.offstream.tasks.ingress.spark.IngressSparkJob"),
    LAG_WAIT("lag-wait", "drain", "offstream-lag-wait", "io.offstream.tasks.lagwait.LagWaitTaskApplication", null),
    EGRESS("egress", "egress", "offstream-egress", "io.offstream.tasks.egress.EgressTaskApplication",
            "io.offstream.tasks.egress.flink.FlinkEgressJob"),
    VALIDATE("validate", "validate", "offstream-validate", "io.offstream.tasks.validate.ValidateTaskApplication", null);

    /** The five phases in the order the composed task runs them. */
    public static final List<Phase> STEPS = List.of(PLAN, INGRESS, LAG_WAIT, EGRESS, VALIDATE);

    private static final String CHILD_PREFIX = "offstream-run-";

    private final String displayName;

    private final String label;

    private final Pattern jar;

    private final String taskMainClass;

    private final String engineMainClass;

    Phase(String displayName, String label, String jarName, String taskMainClass, String engineMainClass) {
        this.displayName = displayName;
        this.label = label;
        // <artifactId>-<version>.jar, so that offstream-ingress does not also match offstream-ingress-benchmark
        this.jar = Pattern.compile("(^|.*/)" + Pattern.quote(jarName) + "-\\d[^/]*\\.jar");
        this.taskMainClass = taskMainClass;
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

    /**
     * The phase whose task a command line runs: {@code java ... -jar <jar> ...}, or, as the local
     * platform's cds-java starts it, {@code java ... -cp <extracted jar> <its main class> ...}.
     */
    public static Optional<Phase> ofTaskCommand(List<String> commandLine) {
        int jarFlag = commandLine.indexOf("-jar");
        for (Phase phase : values()) {
            if (jarFlag >= 0 && jarFlag + 1 < commandLine.size() && phase.jar.matcher(commandLine.get(jarFlag + 1)).matches()) {
                return Optional.of(phase);
            }
            if (jarFlag < 0 && commandLine.contains(phase.taskMainClass)) {
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
