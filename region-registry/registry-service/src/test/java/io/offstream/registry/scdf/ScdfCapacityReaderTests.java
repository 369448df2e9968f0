package io.offstream.registry.scdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowUnreachableException;
import io.offstream.dataflow.client.JobExecution;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.PlatformAccount;
import io.offstream.dataflow.client.ProcessState;
import io.offstream.dataflow.client.TaskDefinition;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.dataflow.client.TaskPlatform;
import io.offstream.registry.model.Region;
import io.offstream.registry.model.RegionCapacity;

class ScdfCapacityReaderTests {

    private static final String URL = "http://127.0.0.1:9393";

    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<List<PlatformAccount>> answer = () -> List.of(new PlatformAccount("region-a", "Local", 3, 1));

    private final ScdfCapacityReader reader = new ScdfCapacityReader(url -> new CurrentExecutionsOnly(), Duration.ofMinutes(1));

    @Test
    void capacityIsTheAccountsMaximumAndRunningCount() {
        assertThat(reader.capacity(region("region-a", "scdf"))).isEqualTo(RegionCapacity.up(3, 1));
        assertThat(reader.capacity(region("region-a", "5"))).isEqualTo(RegionCapacity.up(5, 1));
    }

    @Test
    void oneReadServesEveryRegionOfAnScdfUntilItIsForgotten() {
        reader.capacity(region("region-a", "scdf"));
        reader.capacity(region("region-b", "scdf"));
        assertThat(reads).hasValue(1);

        reader.forget(URL + "/");
        reader.capacity(region("region-a", "scdf"));
        assertThat(reads).hasValue(2);
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

    /** A hand-written SCDF that only answers the current executions. */
    private final class CurrentExecutionsOnly implements DataFlowOperations {

        @Override
        public List<PlatformAccount> currentExecutions() {
            reads.incrementAndGet();
            return answer.get();
        }

        @Override
        public URI server() {
            return URI.create(URL);
        }

        @Override
        public long launch(LaunchRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskExecutionState execution(long executionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TaskExecutionState> executions(String definitionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop(long executionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TaskDefinition> definition(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createDefinition(String name, String dsl, String description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroyDefinition(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerTaskApp(String name, URI uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerStreamApp(String type, String name, URI uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TaskPlatform> platforms() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JobExecution> jobExecutions(long taskExecutionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restartJob(long jobExecutionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ProcessState> process(long executionId) {
            throw new UnsupportedOperationException();
        }
    }
}
