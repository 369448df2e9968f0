package io.offstream.tasks.egress.flink;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

import io.offstream.contract.jobs.ProgressLine;

/**
 * Waits for the submitted job and, while it runs, prints how many records it has read (its
 * {@link CountRead} accumulator) as a {@link ProgressLine} every interval, for the egress task to
 * record. The last figures come from the job's result, not from here.
 */
final class JobProgress {

    private JobProgress() {
    }

    static JobExecutionResult await(JobClient client, long toRead, Duration interval) throws InterruptedException, ExecutionException {
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        while (true) {
            try {
                return result.get(interval.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException stillRunning) {
                printRead(client, toRead, interval);
            }
        }
    }

    private static void printRead(JobClient client, long toRead, Duration interval) throws InterruptedException {
        try {
            Object read = client.getAccumulators().get(interval.toMillis(), TimeUnit.MILLISECONDS).get(CountRead.RECORDS_READ);
            if (read instanceof Number count) {
                System.out.println(new ProgressLine(count.longValue(), toRead).format());
            }
        }
        catch (ExecutionException | TimeoutException | RuntimeException notYet) {
            // no accumulators before the job runs, or the cluster is busy: the next interval tries again
        }
    }
}
