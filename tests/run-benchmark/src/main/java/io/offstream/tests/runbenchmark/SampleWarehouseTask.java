package io.offstream.tests.runbenchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.dataflow.DataFlowException;

/**
 * Writes a size's sample warehouse with the same SCDF task run-demo.sh uses
 * ({@code offstream-sample-warehouse}, same dataset and bad-row fraction), but into a folder of
 * the benchmark's own. run-demo.sh's default folder is shared: another run-demo.sh on the machine
 * would delete it under a running benchmark (the task replaces the whole folder), and the
 * benchmark's would delete it under theirs.
 */
public final class SampleWarehouseTask {

    static final String DEFINITION = "offstream-sample-warehouse";

    private static final String BAD_ROW_FRACTION = "0.01";

    private final DataFlowClient scdf;

    private final ScdfExecutions executions;

    public SampleWarehouseTask(DataFlowClient scdf, ScdfExecutions executions) {
        this.scdf = scdf;
        this.executions = executions;
    }

    /** Writes {@code days} x {@code rowsPerDay} transactions from {@code startDate} and returns the task's execution once it ended well. */
    public TaskExecution write(Path dataset, LocalDate startDate, int days, long rowsPerDay, Duration timeout) {
        ensureDefinition();
        long id = scdf.launchTask(DEFINITION, Map.of(), List.of("--offstream.sample.dataset=transactions",
                "--offstream.sample.path=" + dataset, "--offstream.sample.days=" + days, "--offstream.sample.rows-per-day=" + rowsPerDay,
                "--offstream.sample.start-date=" + startDate, "--offstream.sample.bad-row-fraction=" + BAD_ROW_FRACTION));
        scdf.awaitTaskEnd(id, timeout);
        TaskExecution execution = executions.execution(id);
        if (!execution.succeeded()) {
            throw new IllegalStateException(DEFINITION + " failed (task execution " + id + ", exit code "
                    + execution.exitCode().map(String::valueOf).orElse("none") + ": " + execution.exitMessage()
                    + "); its log is under .offstream/task-work");
        }
        return execution;
    }

    // run-demo.sh creates it on first use too; the benchmark writes its warehouse before calling run-demo.sh
    private void ensureDefinition() {
        try {
            scdf.get("/tasks/definitions/" + DEFINITION);
        }
        catch (DataFlowException e) {
            if (e.status() != 404) {
                throw e;
            }
            scdf.createTaskDefinition(DEFINITION, DEFINITION);
        }
    }
}
