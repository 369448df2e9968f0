package io.offstream.tasks.support.ledger;

import java.time.LocalDate;

/**
 * One child run of a dispatch, as the ledger holds it.
 *
 * @param index 1-based position in the parent's date order
 * @param childRunKey the child's own run key (its topics, landing and ledger rows are its own)
 * @param region where it was placed last (null while it waits for one)
 * @param scdfUrl the SCDF server of that region
 * @param definition the task definition launched there
 * @param taskExecutionId its task execution on that SCDF
 * @param registryDispatchId its dispatch in the region registry
 * @param attempts launches tried so far
 */
public record DispatchChild(String parentRunKey, int index, String childRunKey, LocalDate from, LocalDate to,
        ChildStatus status, String region, String platformAccount, String scdfUrl, String definition,
        Long taskExecutionId, Long registryDispatchId, int attempts, String message) {

    public static DispatchChild planned(String parentRunKey, int index, String childRunKey, LocalDate from, LocalDate to) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.PLANNED, null, null, null, null,
                null, null, 0, null);
    }

    /** Accepted into the registry's queue (again), waiting for a region. */
    public DispatchChild queued(long registryDispatchId, String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.QUEUED, null, null, null, null,
                null, registryDispatchId, attempts, why);
    }

    /** Launched on a region: one more attempt. */
    public DispatchChild launched(String region, String platformAccount, String scdfUrl, String definition, long executionId) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.LAUNCHED, region, platformAccount,
                scdfUrl, definition, executionId, registryDispatchId, attempts + 1, null);
    }

    /** Its launch on {@code region} failed before a task execution existed: one more attempt, back in the queue. */
    public DispatchChild launchFailed(String region, String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.QUEUED, null, null, null, null,
                null, registryDispatchId, attempts + 1, "launch on " + region + " failed: " + why);
    }

    /** Its region lost it after launch (the platform died or stopped answering): back in the queue. */
    public DispatchChild lost(String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.QUEUED, null, null, null, null,
                null, registryDispatchId, attempts, why);
    }

    public DispatchChild ended(ChildStatus status, String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, status, region, platformAccount, scdfUrl,
                definition, taskExecutionId, registryDispatchId, attempts, why);
    }

    /** A failed child the user restarts: it starts over with fresh attempts. */
    public DispatchChild retried() {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.PLANNED, null, null, null, null,
                null, registryDispatchId, 0, "retried after: " + message);
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }
}
