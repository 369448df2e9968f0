package io.offstream.registry.scdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.FakeDataFlow;
import io.offstream.dataflow.client.PlatformAccount;
import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionCapacity;

class ScdfCapacityReaderTests {

    private static final String URL = "http://127.0.0.1:9393";

    private Supplier<List<PlatformAccount>> answer = () -> List.of(new PlatformAccount("region-a", "Local", 3, 1));

    private final FakeDataFlow scdf = new FakeDataFlow().onCurrentExecutions(() -> answer.get());

    private final ScdfCapacityReader reader = new ScdfCapacityReader(url -> scdf, Duration.ofMinutes(1));

    @Test
    void capacityIsTheAccountsMaximumAndRunningCount() {
        assertThat(reader.capacity(region("region-a", "scdf"))).isEqualTo(RegionCapacity.up(3, 1));
        assertThat(reader.capacity(region("region-a", "5"))).isEqualTo(RegionCapacity.up(5, 1));
    }

    @Test
    void oneReadServesEveryRegionOfAnScdfUntilItIsForgotten() {
        reader.capacity(region("region-a", "scdf"));
        reader.capacity(region("region-b", "scdf"));
        assertThat(scdf.currentExecutionLooks).hasValue(1);

        reader.forget(URL + "/");
        reader.capacity(region("region-a", "scdf"));
        assertThat(scdf.currentExecutionLooks).hasValue(2);
    }

    @Test
    void anAccountScdfDoesNotKnowIsDown() {
        assertThat(reader.capacity(region("region-x", "scdf"))).isEqualTo(
                RegionCapacity.down("SCDF at " + URL + " has no task platform account 'region-x'"));
    }

    @Test
    void anScdfThatDoesNotAnswerMakesItsRegionsDownNamingTheCause() {
        answer = () -> {
            throw new DataFlowUnreachableException("SCDF did not answer", new ConnectException("Connection refused"));
        };

        RegionCapacity capacity = reader.capacity(region("region-a", "scdf"));

        assertThat(capacity.up()).isFalse();
        assertThat(capacity.reason()).isEqualTo("SCDF at " + URL + " did not answer: ConnectException: Connection refused");
    }

    private static Region region(String account, String capacitySource) {
        return new Region(account, URL, account, null, capacitySource, true, Instant.EPOCH, Instant.EPOCH);
    }
}
