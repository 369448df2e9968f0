package io.offstream.tasks.composed.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.ExitCodeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class StopSignalTests {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    private final StopSignal signal = new StopSignal(Duration.ofSeconds(30), events::add);

    @Test
    void theStoppedExitCodeIsPublishedBeforeTheJobIsLetEnd() throws Exception {
        signal.start();
        signal.jobStarted();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(signal::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!signal.isRequested() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(signal.isRequested()).as("stop requested").isTrue();

        // The job has not finished: the main thread could record the task's end right after it does,
        // so the exit code must already be known.
        assertThat(events).singleElement().isInstanceOfSatisfying(ExitCodeEvent.class,
                event -> assertThat(event.getExitCode()).isEqualTo(StopSignal.STOPPED_EXIT_CODE));
        assertThat(stopping).isNotDone();

        signal.jobFinished();
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(signal.isRunning()).isFalse();
    }

    @Test
    void aStopWithNoJobRunningNeitherWaitsNorChangesTheExitCode() {
        signal.start();

        signal.stop();

        assertThat(signal.isRequested()).isFalse();
        assertThat(events).isEmpty();
    }
}
