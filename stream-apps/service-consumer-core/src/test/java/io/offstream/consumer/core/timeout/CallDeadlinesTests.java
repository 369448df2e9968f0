package io.offstream.consumer.core.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDeadlinesTests {

    private static final BiConsumer<Object, Throwable> IGNORED = (result, error) -> { };

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final CallDeadlines deadlines = new CallDeadlines(Duration.ofMillis(200), scheduler);

    @AfterEach
    void stop() {
        deadlines.close();
        scheduler.shutdownNow();
    }

    @Test
    void failsACallThatRunsPastTheTimeoutNamingIt() {
        long started = System.nanoTime();
        CompletableFuture<String> hung = new CompletableFuture<>();
        deadlines.watch(hung, IGNORED);
        assertThatThrownBy(() -> hung.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TimeoutException.class).hasMessage("no result within the call timeout of PT0.2S");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).isGreaterThanOrEqualTo(200);
        assertThat(deadlines.open()).isZero();
    }

    @Test
    void leavesACallThatFinishesInTimeAndForgetsIt() throws Exception {
        CompletableFuture<String> call = new CompletableFuture<>();
        deadlines.watch(call, IGNORED);
        assertThat(deadlines.open()).isEqualTo(1);
        call.complete("done");
        assertThat(deadlines.open()).isZero();
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(call.get()).isEqualTo("done");
    }

    @Test
    void handsWhatFollowsTheOutcomeOrTheTimeoutOnce() throws Exception {
        CompletableFuture<String> hung = new CompletableFuture<>();
        CompletableFuture<Throwable> followed = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        deadlines.watch(hung, (result, error) -> {
            calls.incrementAndGet();
            followed.complete(error);
        });
        assertThat(followed.get(5, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        hung.complete("too late");
        assertThat(calls).hasValue(1);
        assertThat(deadlines.open()).isZero();

        CompletableFuture<String> done = CompletableFuture.completedFuture("now");
        CompletableFuture<String> result = new CompletableFuture<>();
        deadlines.watch(done, (value, error) -> result.complete(value));
        assertThat(result.getNow(null)).isEqualTo("now");
        assertThat(deadlines.open()).isZero();
    }

    @Test
    void doesNotWatchACallThatIsAlreadyDone() {
        deadlines.watch(CompletableFuture.completedFuture("now"), IGNORED);
        assertThat(deadlines.open()).isZero();
    }
}
