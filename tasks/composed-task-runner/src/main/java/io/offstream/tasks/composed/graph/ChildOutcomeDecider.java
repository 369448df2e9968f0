package io.offstream.tasks.composed.graph;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;

import io.offstream.tasks.composed.child.ChildOutcome;
import io.offstream.tasks.composed.child.ServerUnreachableException;

/**
 * Routes the flow after a child's step: to the transition its outcome takes ({@code T<n>}), on
 * to the next element when it succeeded unmatched ({@link #NEXT}), or to failure when it failed
 * and nothing handles that ({@link #UNHANDLED}), as when the server stayed unreachable while
 * the child was followed. On a restart the skipped step's saved outcome
 * is read again, so the route is the same as in the first run.
 */
final class ChildOutcomeDecider implements JobExecutionDecider {

    static final String NEXT = "NEXT";

    static final String UNHANDLED = "UNHANDLED_FAILURE";

    private final TransitionTable table;

    ChildOutcomeDecider(TransitionTable table) {
        this.table = table;
    }

    static String routeOf(int transitionIndex) {
        return "T" + transitionIndex;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        if (stepExecution.getFailureExceptions().stream().anyMatch(ServerUnreachableException.class::isInstance)) {
            // the child's outcome is unknown, not FAILED: no 'FAILED'->x or '*'->x path may run on a guess
            return new FlowExecutionStatus(UNHANDLED);
        }
        ChildOutcome outcome = ChildOutcome.readFrom(stepExecution.getExecutionContext())
                .orElseGet(() -> ChildOutcome.failedWithoutChild(stepExecution.getExitStatus().getExitCode()));
        return table.match(outcome.status(), outcome.exitCode())
                .map(index -> new FlowExecutionStatus(routeOf(index)))
                .orElseGet(() -> new FlowExecutionStatus(
                        outcome.succeeded() && stepExecution.getStatus() == BatchStatus.COMPLETED ? NEXT : UNHANDLED));
    }
}
