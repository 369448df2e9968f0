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
 * @param launchId the argument value that marks its latest launch, so a restart can find an
 *                 execution SCDF created before the dispatcher could record it
 */
public record DispatchChild(String parentRunKey, int index, String childRunKey, LocalDate from, LocalDate to,
        ChildStatus status, String region, String platformAccount, String scdfUrl, String definition,
        Long taskExecutionId, Long registryDispatchId, int attempts, String message, String launchId) {

    public static DispatchChild planned(String parentRunKey, int index, String childRunKey, LocalDate from, LocalDate to) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.PLANNED, null, null, null, null,
                null, null, 0, null, null);
    }

    /** Accepted into the registry's queue (again), waiting for a region. */
    public DispatchChild queued(long registryDispatchId, String why) {
        return waiting(registryDispatchId, attempts, why);
    }

    /** About to be launched on a region: one more attempt, marked with {@code launchId}. */
    public DispatchChild launching(String region, String platformAccount, String scdfUrl, String definition, String launchId) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.LAUNCHING, region, platformAccount,
                scdfUrl, definition, null, registryDispatchId, attempts + 1, null, launchId);
    }

    /** SCDF created its task execution. */
    public DispatchChild launched(long executionId) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.LAUNCHED, region, platformAccount,
                scdfUrl, definition, executionId, registryDispatchId, attempts, null, launchId);
    }

    /** Its launch on its region failed before a task execution existed: back in the queue. */
    public DispatchChild launchFailed(String why) {
        return waiting(registryDispatchId, attempts, "launch on " + region + " failed: " + why);
    }

    /** Its region lost it after launch (the platform died or stopped answering): back in the queue. */
    public DispatchChild lost(String why) {
        return waiting(registryDispatchId, attempts, why);
    }

    public DispatchChild ended(ChildStatus status, String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, status, region, platformAccount, scdfUrl,
                definition, taskExecutionId, registryDispatchId, attempts, why, launchId);
    }

    /** A failed child the user restarts: it starts over with fresh attempts. */
    public DispatchChild retried() {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.PLANNED, null, null, null, null,
                null, registryDispatchId, 0, "retried after: " + message, null);
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }

    private DispatchChild waiting(Long dispatchId, int attemptsSoFar, String why) {
        return new DispatchChild(parentRunKey, index, childRunKey, from, to, ChildStatus.QUEUED, null, null, null, null,
                null, dispatchId, attemptsSoFar, why, null);
    }
}
