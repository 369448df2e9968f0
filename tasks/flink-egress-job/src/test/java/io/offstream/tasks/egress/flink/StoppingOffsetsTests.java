package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppingOffsetsTests {

    @Test
    void parsesAndPrintsPartitionOffsetPairsInPartitionOrder() {
        StoppingOffsets offsets = StoppingOffsets.parse("2:0,0:1234,1:998");

        assertThat(offsets.byPartition()).containsExactly(Map.entry(0, 1234L), Map.entry(1, 998L), Map.entry(2, 0L));
        assertThat(offsets).hasToString("0:1234,1:998,2:0");
        assertThat(offsets.upperBoundOfRecords()).isEqualTo(2232);
    }

    @Test
    void refusesMalformedDuplicateAndNegativeParts() {
        assertThatThrownBy(() -> StoppingOffsets.parse("0:1,0:2")).hasMessage("partition 0 is given twice");
        assertThatThrownBy(() -> StoppingOffsets.parse("0=1")).hasMessage("'0=1' is not partition:offset");
        assertThatThrownBy(() -> StoppingOffsets.parse("0:x")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> StoppingOffsets.parse("0:-1")).hasMessageContaining("must be >= 0");
    }
}
