package io.offstream.consumer.core.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MaxPollRecordsAdvisorTests {

    @Test
    void keepsAPollsWorthOfWorkInsideHalfThePollInterval() {
        MaxPollRecordsAdvisor advisor = new MaxPollRecordsAdvisor(Duration.ofSeconds(10), 4, 0.5, 1, 10_000);
        // 4 calls at a time, p99 1 s: 5 s of budget holds 20 records
        assertThat(advisor.recommend(Duration.ofSeconds(1))).isEqualTo(20);
        assertThat(advisor.recommend(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(advisor.recommend(Duration.ofNanos(1))).isEqualTo(10_000);
    }

    @Test
    void measuresTheP99OfRecentCalls() {
        LatencyRecorder recorder = new LatencyRecorder(1000);
        assertThat(recorder.quantile(0.99, Duration.ofMillis(7))).isEqualTo(Duration.ofMillis(7));
        for (int i = 1; i <= 1000; i++) {
            recorder.record(Duration.ofMillis(i).toNanos());
        }
        assertThat(recorder.quantile(0.99, Duration.ZERO)).isEqualTo(Duration.ofMillis(990));
    }
}
