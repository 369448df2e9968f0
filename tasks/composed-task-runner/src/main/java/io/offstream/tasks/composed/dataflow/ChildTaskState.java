package io.offstream.tasks.composed.dataflow;

/** A child task execution as SCDF reports it; {@code ended} once it has an end time. */
public record ChildTaskState(long executionId, boolean ended, Integer exitCode, String exitMessage, String errorMessage) {
}
