package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressJobOptionsException;
import io.offstream.contract.jobs.EgressStoppingOffsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides where the bounded read stops, before the job starts: the given offsets, checked against
 * the topic, or the topic's read_committed end offsets (the last stable offset: past the last
 * committed transaction, so a transaction still open is not waited for).
 */
public final class StoppingOffsetsResolver {

    private static final long TIMEOUT_SECONDS = 60;

    private final EgressJobOptions options;

    public StoppingOffsetsResolver(EgressJobOptions options) {
        this.options = options;
    }

    /** What the job will read up to, and whether it was given or taken from the topic. */
    public record Resolved(EgressStoppingOffsets offsets, boolean given) {
    }

    public Resolved resolve() {
        Properties properties = new Properties();
        properties.putAll(options.kafkaProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        properties.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        try (Admin admin = Admin.create(properties)) {
            TopicDescription description = admin.describeTopics(List.of(options.topic()))
                    .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(options.topic());
            Set<Integer> partitions = description.partitions().stream()
                    .map(p -> p.partition()).collect(Collectors.toCollection(TreeSet::new));
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(options.topic(), p), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin
                    .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<Integer, Long> endOffsets = new TreeMap<>();
            ends.forEach((tp, info) -> endOffsets.put(tp.partition(), info.offset()));

            if (options.stoppingOffsets().isEmpty()) {
                return new Resolved(EgressStoppingOffsets.of(endOffsets), false);
            }
            EgressStoppingOffsets given = options.stoppingOffsets().get();
            check(given, endOffsets);
            return new Resolved(given, true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the partitions and end offsets of topic "
                    + options.topic() + " on " + options.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + options.bootstrapServers() + " did not answer within "
                    + TIMEOUT_SECONDS + " s about topic " + options.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + options.topic(), e);
        }
    }

    /** Given offsets must name every partition, and none may lie past what is committed. */
    private void check(EgressStoppingOffsets given, Map<Integer, Long> endOffsets) {
        List<String> problems = new ArrayList<>();
        for (Integer partition : endOffsets.keySet()) {
            if (!given.byPartition().containsKey(partition)) {
                problems.add("partition " + partition + " has no stopping offset");
            }
        }
        given.byPartition().forEach((partition, offset) -> {
            Long end = endOffsets.get(partition);
            if (end == null) {
                problems.add("partition " + partition + " does not exist (the topic has " + endOffsets.size() + ")");
            } else if (offset > end) {
                problems.add("partition " + partition + ": stopping offset " + offset
                        + " is past the committed end " + end + " (the read would never finish)");
            }
        });
        if (!problems.isEmpty()) {
            throw new EgressJobOptionsException(problems.stream()
                    .map(p -> "--stopping-offsets on " + options.topic() + ": " + p).toList());
        }
    }
}
