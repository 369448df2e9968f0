package io.offstream.dataflow.client;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The part of SCDF 2.11's REST API Offstream uses (boot2 task apps). {@link DataFlowClient} is
 * the real one; orchestration code depends on this interface so a unit test can hand it a fake.
 * Every method may throw {@link DataFlowUnreachableException} or {@link DataFlowRefusedException}.
 */
public interface DataFlowOperations {

    URI server();

    /** Launches a definition ({@code POST /tasks/executions}); returns the task execution id. */
    long launch(LaunchRequest request);

    /** {@code GET /tasks/executions/{id}}; {@link DataFlowNotFoundException} when SCDF has no such execution. */
    TaskExecutionState execution(long executionId);

    /** The executions of one definition, as SCDF lists them (newest first), at most 200. */
    List<TaskExecutionState> executions(String definitionName);

    /** The newest execution of a definition launched with exactly this argument, if SCDF has one. */
    default Optional<Long> findExecution(String definitionName, String argument) {
        return executions(definitionName).stream().filter(e -> e.arguments().contains(argument))
                .map(TaskExecutionState::executionId).max(Long::compare);
    }

    /** Per platform account, its maximum and running count ({@code GET /tasks/executions/current}). */
    List<PlatformAccount> currentExecutions();

    /** Asks SCDF to stop a task execution ({@code POST /tasks/executions/{id}}). */
    void stop(long executionId);

    /** The definition, or empty when SCDF has none of that name. */
    Optional<TaskDefinition> definition(String name);

    void createDefinition(String name, String dsl, String description);

    void destroyDefinition(String name);

    /** Registers (or re-registers) a boot2 task app. */
    void registerTaskApp(String name, URI uri);

    /** Registers (or re-registers) a stream app ({@code source}, {@code processor}, {@code sink}) built on Boot 3+. */
    void registerStreamApp(String type, String name, URI uri);

    /** The task platform accounts ({@code GET /tasks/platforms}). */
    List<TaskPlatform> platforms();

    /** The job executions a task execution ran. */
    List<JobExecution> jobExecutions(long taskExecutionId);

    /** Restarts a failed job execution ({@code PUT /jobs/executions/{id}?restart=true}); SCDF relaunches its task. */
    void restartJob(long jobExecutionId);

    /**
     * What Offstream's server says of the execution's process; empty when the server does not say
     * (a stock SCDF answers 404).
     */
    Optional<ProcessState> process(long executionId);
}
