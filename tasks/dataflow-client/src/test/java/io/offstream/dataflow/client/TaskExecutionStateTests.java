package io.offstream.dataflow.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskExecutionStateTests {

    @Test
    void aKilledOrVanishedProcessIsLostByThePlatform() {
        assertThat(new TaskExecutionState(1, true, 137, null, null).lostByPlatform()).isTrue();
        assertThat(new TaskExecutionState(1, true, null, null, "launch failed").lostByPlatform()).isTrue();
        assertThat(new TaskExecutionState(1, true, -1, null, null).lostByPlatform()).isTrue();
    }

    @Test
    void failedWorkAndAUsersStopAreNotThePlatformsFault() {
        TaskExecutionState failed = new TaskExecutionState(1, true, 1, "FAILED", "validation failed");
        assertThat(failed.lostByPlatform()).isFalse();
        assertThat(failed.succeeded()).isFalse();
        TaskExecutionState stopped = new TaskExecutionState(1, true, 143, "STOPPED", null);
        assertThat(stopped.lostByPlatform()).isFalse();
        assertThat(stopped.stopped()).isTrue();
        assertThat(failed.describe()).isEqualTo("task execution 1 exited 1 (FAILED): validation failed");
    }

    @Test
    void aRunningExecutionIsNeitherPassedNorLost() {
        TaskExecutionState running = new TaskExecutionState(1, false, null, null, null);
        assertThat(running.succeeded()).isFalse();
        assertThat(running.lostByPlatform()).isFalse();
        assertThat(new TaskExecutionState(1, true, 0, null, null).succeeded()).isTrue();
    }
}
