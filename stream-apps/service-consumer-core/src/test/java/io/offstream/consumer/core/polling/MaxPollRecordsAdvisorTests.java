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
    void aWindowsPollsGrowWithItsUncommittedBoundUpTo5000() {
        Duration interval = Duration.ofMinutes(5);
        Duration fast = Duration.ofMillis(1);
        // a fifth of max-uncommitted (100 x the window by default), so four polls read ahead stay under it
        assertThat(MaxPollRecordsAdvisor.forWindow(interval, 256, 25_600).recommend(fast)).isEqualTo(5_000);
        assertThat(MaxPollRecordsAdvisor.forWindow(interval, 32, 3_200).recommend(fast)).isEqualTo(640);
        // never below the window nor Kafka's default
        assertThat(MaxPollRecordsAdvisor.forWindow(interval, 16, 100).recommend(fast)).isEqualTo(500);
        assertThat(MaxPollRecordsAdvisor.forWindow(interval, 2_000, 2_500).recommend(fast)).isEqualTo(2_000);
        // a slow service still gets small polls
        assertThat(MaxPollRecordsAdvisor.forWindow(interval, 4, 400).recommend(Duration.ofSeconds(60))).isEqualTo(10);
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
