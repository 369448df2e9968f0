package io.offstream.tasks.lagwait;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LagWaitPropertiesTests {

    @Test
    void aNegativeQuietWindowIsRefused() {
        assertThatThrownBy(() -> new LagWaitProperties(null, Duration.ofMillis(500), Duration.ofSeconds(-1),
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quiet-window");
    }
}
