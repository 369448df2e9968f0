package io.offstream.tasks.support.ledger;

import java.time.LocalDate;

/**
 * A multi-region parent run.
 *
 * @param childDefinition the task definition each child runs (offstream-run)
 * @param status RUNNING, PASSED or FAILED
 */
public record DispatchRecord(String runKey, String service, String dataset, LocalDate from, LocalDate to, String landing,
        String childDefinition, int childCount, String status, String message) {

    public static final String RUNNING = "RUNNING";
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
}
