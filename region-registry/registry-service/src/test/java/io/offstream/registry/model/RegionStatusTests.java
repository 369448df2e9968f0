package io.offstream.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RegionStatusTests {

    private static final Region REGION = new Region("region-a", "http://localhost:9393", "region-a", null, "scdf", true,
            Instant.EPOCH, Instant.EPOCH);

    @Test
    void headroomIsCapMaxLessActiveAndQueued() {
        RegionStatus status = new RegionStatus(REGION, RegionCapacity.up(6, 1), 2, 0);
        assertThat(status.active()).isEqualTo(1);
        assertThat(status.headroom()).isEqualTo(3);
    }

    @Test
    void launchedSlotsCountAsActiveUntilScdfSeesThemAll() {
        // a composed run of two slots was launched; SCDF sees only its runner so far
        RegionStatus status = new RegionStatus(REGION, RegionCapacity.up(4, 1), 0, 2);
        assertThat(status.active()).isEqualTo(2);
        assertThat(status.headroom()).isEqualTo(2);
        // other tasks on the account: SCDF's count is the larger one
        assertThat(new RegionStatus(REGION, RegionCapacity.up(4, 3), 0, 2).headroom()).isEqualTo(1);
    }
}
