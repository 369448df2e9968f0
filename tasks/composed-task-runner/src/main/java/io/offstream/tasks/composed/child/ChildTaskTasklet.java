package io.offstream.tasks.composed.child;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobInterruptedException;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

import io.offstream.dataflow.client.ChildFollower;
import io.offstream.dataflow.client.ChildLostException;
import io.offstream.dataflow.client.DataFlowException;
import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.FollowStoppedException;
import io.offstream.dataflow.client.FollowTimeoutException;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.ServerSilentException;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.tasks.composed.ComposedTaskRunnerProperties;
import io.offstream.tasks.composed.graph.TransitionTable;
import io.offstream.tasks.composed.run.StopSignal;

/**
 * One child of the composed task: launch it through SCDF, follow it to its end with the shared
 * {@link ChildFollower}, and report its status. Idempotent against restarts: the launch request is saved with the step on first
 * launch and reused, a child that already succeeded in an earlier run is not launched again,
 * and one still running (the runner died while it ran) is waited for rather than duplicated.
 * A server that stops answering for longer than {@code server-unreachable-timeout} fails the
 * step (restartable, the child's execution id kept) rather than being polled for ever. A child
 * whose process is gone without recording an end (killed from outside) fails the step too, and a
 * restart launches it again. Each launch carries a launch id, saved before it is sent: a restart
 * that finds no execution id (the runner stopped before it had SCDF's answer) looks the launch up
 * by that id and follows what it finds instead of launching the child twice.
 */
public class ChildTaskTasklet implements Tasklet, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ChildTaskTasklet.class);

    static final String REQUEST_KEY = "child.request";

    static final String LAUNCH_ID_KEY = "child.launchId";

    /** The argument each launch carries, {@code --offstream.child-launch-id=<uuid>}: harmless to any Boot app. */
    static final String LAUNCH_ID_ARGUMENT = "--offstream.child-launch-id=";

    /** The argument that makes a launched task SCDF's child of the runner's execution. */
    static final String PARENT_EXECUTION_ARGUMENT = "--spring.cloud.task.parent-execution-id=";

    private final String definitionName;

    private final TransitionTable transitions;

    private final ChildTaskContext context;

    public ChildTaskTasklet(String definitionName, TransitionTable transitions, ChildTaskContext context) {
        this.definitionName = definitionName;
        this.transitions = transitions;
        this.context = context;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext saved = step.getExecutionContext();
        saved.remove(ChildOutcome.EXIT_CODE_KEY);
        saved.remove(ChildOutcome.STATUS_KEY);
        ChildLaunchRequest request = savedRequest(saved)
                .map(restored -> restored.withSecretsOf(context.planner().planFor(definitionName)))
                .orElseGet(() -> context.planner().planFor(definitionName));
        saved.putString(REQUEST_KEY, toJson(request.withoutSecrets()));

        ChildOutcome outcome = resumePreviousLaunch(step, saved).orElse(null);
        if (outcome == null) {
            long parent = context.parent().executionId().orElseThrow(() -> new IllegalStateException("No task execution id for the runner"));
            String launchId = UUID.randomUUID().toString();
            saved.putString(LAUNCH_ID_KEY, launchId);
            saved.remove(ChildOutcome.EXECUTION_ID_KEY);
            context.jobRepository().updateExecutionContext(step);
            ChildLaunchRequest launch = request.withArgument(LAUNCH_ID_ARGUMENT + launchId);
            long id = launchWhenThereIsRoom(step, launch, parent);
            log.info("Launched child {} as task execution {} (parent {}) with properties {} and arguments {}",
                    definitionName, id, parent, launch.masked().properties(), launch.masked().arguments());
            saved.putLong(ChildOutcome.EXECUTION_ID_KEY, id);
            context.jobRepository().updateExecutionContext(step);
            outcome = awaitEnd(step, id);
        }
        outcome.writeTo(saved);
        if (!outcome.succeeded() && transitions.match(outcome.status(), outcome.exitCode()).isEmpty()) {
            throw new ChildTaskFailedException(definitionName, outcome, errorMessageOf(outcome.executionId()));
        }
        contribution.setExitStatus(new ExitStatus(outcome.status()));
        return RepeatStatus.FINISHED;
    }

    /**
     * Launches the child, waiting while its platform is at its concurrent-task limit (within
     * max-wait-time): a sibling's phase that just ended holds its slot until its JVM has exited.
     * Any other refusal fails the step.
     */
    private long launchWhenThereIsRoom(StepExecution step, ChildLaunchRequest request, long parent) throws JobInterruptedException {
        List<String> arguments = new ArrayList<>(request.arguments());
        arguments.add(PARENT_EXECUTION_ARGUMENT + parent);
        LaunchRequest launch = new LaunchRequest(request.definitionName(), request.properties(), arguments);
        Instant started = Instant.now();
        while (true) {
            try {
                return context.client().launch(launch);
            }
            catch (DataFlowRefusedException refused) {
                Duration waited = Duration.between(started, Instant.now());
                if (!refused.platformFull()
                        || (!context.options().waitsWithoutLimit() && waited.compareTo(context.options().maxWaitTime()) > 0)) {
                    throw refused;
                }
                log.info("Child {} waits for room on its platform ({} s so far): {}", definitionName, waited.toSeconds(),
                        refused.scdfMessage());
                pause(step, "waiting to launch child " + definitionName);
            }
        }
    }

    /** A launch recorded by an earlier run of this step: reuse its success, or wait on it if still running (and not lost). */
    private Optional<ChildOutcome> resumePreviousLaunch(StepExecution step, ExecutionContext saved) throws JobInterruptedException {
        if (!saved.containsKey(ChildOutcome.EXECUTION_ID_KEY) && !recordUnansweredLaunch(step, saved)) {
            return Optional.empty();
        }
        long previous = saved.getLong(ChildOutcome.EXECUTION_ID_KEY);
        TaskExecutionState state = answered(step, () -> context.client().execution(previous), following(previous));
        if (state.succeeded()) {
            log.info("Child {} already succeeded as task execution {} in an earlier run; not launching it again", definitionName, previous);
            return Optional.of(ChildOutcome.of(previous, 0, state.exitMessage()));
        }
        if (!state.ended()) {
            log.info("Child {} is still running as task execution {} from an earlier run; waiting for it", definitionName, previous);
            try {
                return Optional.of(awaitEnd(step, previous));
            }
            catch (ChildProcessLostException lost) {
                log.info("Child {} is lost as task execution {} from an earlier run: its process ended (launcher state {}) "
                        + "without recording an end; launching it again", definitionName, previous, lost.launcherState());
                return Optional.empty();
            }
        }
        log.info("Child {} failed as task execution {} in an earlier run (exit code {}); launching it again",
                definitionName, previous, state.exitCode());
        return Optional.empty();
    }

    /**
     * A launch sent by an earlier run that never saved SCDF's answer (stopped in between): the
     * execution carrying its launch id, when SCDF has one, is recorded as that run's launch.
     */
    private boolean recordUnansweredLaunch(StepExecution step, ExecutionContext saved) throws JobInterruptedException {
        if (!saved.containsKey(LAUNCH_ID_KEY)) {
            return false;
        }
        String launchId = saved.getString(LAUNCH_ID_KEY);
        Optional<Long> found = answered(step, () -> context.client().findExecution(definitionName, LAUNCH_ID_ARGUMENT + launchId),
                "the launch of child " + definitionName + " (launch id " + launchId + ")");
        if (found.isEmpty()) {
            log.info("Child {}: SCDF has no execution of its launch {} from an earlier run; launching it", definitionName, launchId);
            return false;
        }
        log.info("Child {} was launched as task execution {} before the runner stopped (launch id {}); following it instead of "
                + "launching it again", definitionName, found.get(), launchId);
        saved.putLong(ChildOutcome.EXECUTION_ID_KEY, found.get());
        context.jobRepository().updateExecutionContext(step);
        return true;
    }

    /** Follows the child to its end with the shared follower; its failures become this step's. */
    private ChildOutcome awaitEnd(StepExecution step, long id) throws JobInterruptedException {
        try {
            TaskExecutionState state = context.follower().awaitEnd(id, "child " + definitionName, stopRequested(step));
            int exitCode = state.exitCode() == null ? -1 : state.exitCode();
            ChildOutcome outcome = ChildOutcome.of(id, exitCode, state.exitMessage());
            log.info("Child {} (task execution {}) ended: exit code {}, status {}", definitionName, id, exitCode, outcome.status());
            return outcome;
        }
        catch (ChildLostException lost) {
            throw new ChildProcessLostException(definitionName, id, lost.launcherState());
        }
        catch (FollowTimeoutException timedOut) {
            throw new ChildTaskTimeoutException(definitionName, id, context.options().maxWaitTime());
        }
        catch (ServerSilentException | DataFlowRefusedException | FollowStoppedException e) {
            throw translated(e, following(id));
        }
    }

    /** The server's answer, asked again while it gives none (within server-unreachable-timeout). */
    private <T> T answered(StepExecution step, Supplier<T> question, String about) throws JobInterruptedException {
        try {
            return context.follower().answered(about, question, stopRequested(step));
        }
        catch (ServerSilentException | DataFlowRefusedException | FollowStoppedException e) {
            throw translated(e, about);
        }
    }

    /**
     * The step's failure for what the client or follower threw: silence past the limit fails it as
     * unreachable (restartable, the execution id kept); a 4xx is an answer waiting does not change;
     * a stop ends it as STOPPED.
     */
    private RuntimeException translated(RuntimeException e, String about) throws JobInterruptedException {
        if (e instanceof FollowStoppedException) {
            throw new JobInterruptedException("Composed task stopped: " + e.getMessage());
        }
        if (e instanceof ServerSilentException silent) {
            return new ServerUnreachableException(context.options().dataflowServerUri(), silent.silentFor(), silent.limit(), about,
                    silent.lastErrorReason());
        }
        DataFlowRefusedException refused = (DataFlowRefusedException) e;
        return new IllegalStateException("SCDF server " + context.options().dataflowServerUri() + " answered " + refused.status()
                + " for " + about + ": " + refused.scdfMessage(), e);
    }

    private String following(long id) {
        return "child " + definitionName + " (task execution " + id + ")";
    }

    /** The failed child's error message for the step's, if the server can still say. */
    private String errorMessageOf(long id) {
        try {
            return context.client().execution(id).errorMessage();
        }
        catch (DataFlowException e) {
            log.warn("Cannot read the error message of child {} (task execution {}): {}", definitionName, id, e.getMessage());
            return null;
        }
    }

    /** A stop of the composed task (its stop signal, or Spring Batch's terminate). */
    private BooleanSupplier stopRequested(StepExecution step) {
        return () -> context.stopSignal().isRequested() || step.isTerminateOnly();
    }

    /** Sleeps one polling interval, waking early (and ending the step as STOPPED) on a stop request. */
    private void pause(StepExecution step, String doing) throws JobInterruptedException {
        try {
            context.follower().pause(stopRequested(step), doing);
        }
        catch (FollowStoppedException stopped) {
            throw new JobInterruptedException("Composed task stopped while " + doing);
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
    }

    /** A failed child's step carries the child's status as its exit status, for the dashboard and transitions. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        for (Throwable failure : stepExecution.getFailureExceptions()) {
            if (failure instanceof ChildTaskFailedException failed) {
                return new ExitStatus(failed.outcome().status(), failed.getMessage());
            }
        }
        return null;
    }

    private Optional<ChildLaunchRequest> savedRequest(ExecutionContext saved) {
        if (!saved.containsKey(REQUEST_KEY)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> json = context.json().readValue(saved.getString(REQUEST_KEY), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            ChildLaunchRequest request = new ChildLaunchRequest((String) json.get("definitionName"),
                    (Map<String, String>) json.get("properties"), (List<String>) json.get("arguments"));
            log.info("Child {}: reusing the launch request saved by its first run", definitionName);
            return Optional.of(request);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable saved launch request of " + definitionName, e);
        }
    }

    private String toJson(ChildLaunchRequest request) {
        try {
            return context.json().writeValueAsString(request);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The collaborators every child step shares. */
    public record ChildTaskContext(ChildLaunchPlanner planner, DataFlowOperations client, ChildFollower follower,
            JobRepository jobRepository, ParentExecution parent, StopSignal stopSignal, ComposedTaskRunnerProperties options,
            ObjectMapper json) {
    }
}
