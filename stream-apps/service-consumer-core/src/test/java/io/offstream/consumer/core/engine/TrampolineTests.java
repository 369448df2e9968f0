package io.offstream.consumer.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TrampolineTests {

    private final Trampoline trampoline = new Trampoline();

    private final AtomicInteger ran = new AtomicInteger();

    private int depth;

    private int deepest;

    @Test
    void aTaskHandedOverFromInsideATaskRunsAfterItNotInsideIt() {
        // a million records, each started by the one before: nested, this would overflow any stack
        trampoline.execute(chain(1_000_000));
        assertThat(ran.get()).isEqualTo(1_000_000);
        assertThat(deepest).as("tasks running inside each other").isEqualTo(1);
    }

    @Test
    void tasksHandedOverInsideOneRunInTheOrderTheyCame() {
        List<String> order = new ArrayList<>();
        trampoline.execute(() -> {
            order.add("first");
            trampoline.execute(() -> order.add("third"));
            trampoline.execute(() -> order.add("fourth"));
            order.add("second");
        });
        assertThat(order).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void aTaskThatFailsDoesNotStopTheOnesQueuedBehindIt() {
        List<String> order = new ArrayList<>();
        trampoline.execute(() -> {
            trampoline.execute(() -> {
                throw new IllegalStateException("a broken start");
            });
            trampoline.execute(() -> order.add("next record"));
        });
        assertThat(order).containsExactly("next record");
        // and the loop is over: a later task runs at once, not queued for a loop that is gone
        trampoline.execute(() -> order.add("later"));
        assertThat(order).containsExactly("next record", "later");
    }

    private Runnable chain(int left) {
        return () -> {
            depth++;
            deepest = Math.max(deepest, depth);
            ran.incrementAndGet();
            if (left > 1) {
                trampoline.execute(chain(left - 1));
            }
            depth--;
        };
    }
}
