package io.offstream.tests.runbenchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One offstream-run as run-demo.sh's options: over a warehouse the benchmark wrote for this size. */
public record DemoRequest(Path dataset, LocalDate startDate, int days, long rowsPerDay, String runKey, int timeoutMinutes) {

    public List<String> arguments() {
        return List.of("--dataset-path", dataset.toString(), "--start-date", startDate.toString(), "--days", Integer.toString(days),
                "--rows-per-day", Long.toString(rowsPerDay), "--run-key", runKey, "--timeout-minutes", Integer.toString(timeoutMinutes));
    }
}
