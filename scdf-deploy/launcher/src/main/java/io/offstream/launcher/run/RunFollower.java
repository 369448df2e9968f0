package io.offstream.launcher.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.dataflow.DataFlow;
import io.offstream.launcher.dataflow.DataFlowUnavailableException;
import io.offstream.dataflow.client.TaskExecutionState;

/**
 * Follows a launched task until it ends, printing what changes: each phase (child task) as it
 * starts and ends, and the run's progress line from the ledger. A poll the server does not answer
 * is skipped, not fatal: the run goes on without the server, and only the timeout ends the wait.
 */
public final class RunFollower {

    static final long POLL_SECONDS = 5;

    static final long SAMPLE_POLL_SECONDS = 2;

    private final DataFlow dataFlow;

    private final Console console;

    private final Ticker ticker;

    public RunFollower(DataFlow dataFlow, Console console, Ticker ticker) {
        this.dataFlow = dataFlow;
        this.console = console;
        this.ticker = ticker;
    }

    /** Waits, without a deadline, for a short task (the sample warehouse) to end. */
    public TaskExecutionState awaitEnd(long executionId) {
        while (true) {
            Optional<TaskExecutionState> execution = poll(executionId);
            if (execution.isPresent() && execution.get().ended()) {
                return execution.get();
            }
            ticker.sleepSeconds(SAMPLE_POLL_SECONDS);
        }
    }

    /**
     * Follows a composed task (offstream-run, offstream-simulate): prints {@code phase <label>: running}
     * and {@code phase <label>: ended (exit N)} for each child, and each new progress line.
     *
     * @param startedAt when the run was launched ({@link Ticker#nowSeconds()}), for the [Ns] stamps
     */
    public TaskExecutionState followComposed(long runnerId, String definition, String runKey, long startedAt, int timeoutMinutes) {
        long deadline = ticker.nowSeconds() + timeoutMinutes * 60L;
        Map<Long, String> seen = new HashMap<>();
        String lastLine = "";
        while (true) {
            Optional<TaskExecutionState> runner = poll(runnerId);
            if (runner.isPresent() && runner.get().ended()) {
                return runner.get();
            }
            if (ticker.nowSeconds() >= deadline) {
                throw new LauncherException(definition + " did not end within " + timeoutMinutes + " minutes");
            }
            for (TaskExecutionState child : children(runnerId)) {
                String state = child.ended() ? "ended (exit " + child.exitCode() + ")" : "running";
                if (!state.equals(seen.put(child.executionId(), state))) {
                    console.say("phase " + label(child.taskName(), definition) + ": " + state + "  [" + (ticker.nowSeconds() - startedAt) + "s]");
                }
            }
            Optional<String> line = progressLine(runKey, false);
            if (line.isPresent() && !line.get().equals(lastLine)) {
                console.say("  " + line.get());
                lastLine = line.get();
            }
            ticker.sleepSeconds(POLL_SECONDS);
        }
    }

    /** Follows the multi-region dispatcher: each new progress line (with the child runs' newest event), stamped. */
    public TaskExecutionState followDispatch(long dispatcherId, String runKey, long startedAt, int timeoutMinutes) {
        long deadline = ticker.nowSeconds() + timeoutMinutes * 60L;
        String lastLine = "";
        while (true) {
            Optional<TaskExecutionState> dispatcher = poll(dispatcherId);
            if (dispatcher.isPresent() && dispatcher.get().ended()) {
                return dispatcher.get();
            }
            if (ticker.nowSeconds() >= deadline) {
                throw new LauncherException("offstream-multi-region did not end within " + timeoutMinutes + " minutes");
            }
            Optional<String> line = progressLine(runKey, true);
            if (line.isPresent() && !line.get().equals(lastLine)) {
                console.say("  " + line.get() + "  [" + (ticker.nowSeconds() - startedAt) + "s]");
                lastLine = line.get();
            }
            ticker.sleepSeconds(POLL_SECONDS);
        }
    }

    /** The run's progress line now; empty when the ledger has nothing or the server does not answer. */
    public Optional<String> progressLine(String runKey, boolean children) {
        return dataFlow.runProgress(runKey, children).flatMap(progress -> ProgressLine.of(progress, children));
    }

    /** The tasks the runner launched, oldest first. */
    public List<TaskExecutionState> children(long runnerId) {
        try {
            return dataFlow.children(runnerId);
        }
        catch (DataFlowUnavailableException e) {
            return List.of();
        }
    }

    private Optional<TaskExecutionState> poll(long executionId) {
        try {
            return Optional.of(dataFlow.execution(executionId));
        }
        catch (DataFlowUnavailableException e) {
            return Optional.empty();
        }
    }

    /** A child definition's label: {@code offstream-run-ingress} is phase {@code ingress}. */
    private static String label(String taskName, String definition) {
        return taskName.startsWith(definition + "-") ? taskName.substring(definition.length() + 1) : taskName;
    }
}
