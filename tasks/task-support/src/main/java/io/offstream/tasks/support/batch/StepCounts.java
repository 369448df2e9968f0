package io.offstream.tasks.support.batch;

import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * A tasklet step's read, write and skip counts, set from what its phase did, so SCDF's dashboard
 * (job execution → step) shows them as it does for chunk steps. Spring Batch keeps them as ints: a
 * count beyond that is shown as {@link Integer#MAX_VALUE}, the ledger keeps the exact one.
 */
public final class StepCounts {

    private StepCounts() {
    }

    /**
     * @param read rows or records the step read
     * @param written rows or records it wrote (published, landed, committed, compared)
     * @param skipped rows it set aside (rejected to the quarantine, dead-lettered)
     */
    public static void record(ChunkContext context, long read, long written, long skipped) {
        StepExecution step = context.getStepContext().getStepExecution();
        step.setReadCount(clamp(read));
        step.setWriteCount(clamp(written));
        step.setReadSkipCount(clamp(skipped));
    }

    private static int clamp(long count) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, count));
    }
}
