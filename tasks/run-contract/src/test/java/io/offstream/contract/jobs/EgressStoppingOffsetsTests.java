package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EgressStoppingOffsetsTests {

    @Test
    void parsesAndPrintsPartitionOffsetPairsInPartitionOrder() {
        EgressStoppingOffsets offsets = EgressStoppingOffsets.parse("2:0,0:1234,1:998");

        assertThat(offsets.byPartition()).containsExactly(Map.entry(0, 1234L), Map.entry(1, 998L), Map.entry(2, 0L));
        assertThat(offsets).hasToString("0:1234,1:998,2:0");
        assertThat(offsets.upperBoundOfRecords()).isEqualTo(2232);
        assertThat(EgressStoppingOffsets.parse(offsets.toString())).isEqualTo(offsets);
    }

    @Test
    void refusesMalformedDuplicateAndNegativeParts() {
        assertThatThrownBy(() -> EgressStoppingOffsets.parse("0:1,0:2")).hasMessage("partition 0 is given twice");
        assertThatThrownBy(() -> EgressStoppingOffsets.parse("0=1")).hasMessage("'0=1' is not partition:offset");
        assertThatThrownBy(() -> EgressStoppingOffsets.parse("0:x")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> EgressStoppingOffsets.parse("0:-1")).hasMessageContaining("must be >= 0");
    }
}
