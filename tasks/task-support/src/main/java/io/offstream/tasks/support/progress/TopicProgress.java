package io.offstream.tasks.support.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunSample;
import io.offstream.tasks.support.topics.RunTopicAdmin;

/**
 * The points of a topic's progress: records on it so far (series {@code rows}) and, for each
 * consumer group that reads it, the records the group has yet to commit ({@code lag:<group>}).
 * Closing it closes its admin client.
 */
public final class TopicProgress implements Supplier<List<RunSample>>, AutoCloseable {

    private final RunTopicAdmin admin;

    private final Phase phase;

    private final String topic;

    private final List<String> groups;

    public TopicProgress(RunTopicAdmin admin, Phase phase, String topic, List<String> groups) {
        this.admin = admin;
        this.phase = phase;
        this.topic = topic;
        this.groups = List.copyOf(groups);
    }

    @Override
    public List<RunSample> get() {
        Instant now = Instant.now();
        List<RunSample> samples = new ArrayList<>();
        long records = admin.endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        samples.add(new RunSample(phase, RunSample.ROWS, now, records, null));
        for (String group : groups) {
            samples.add(new RunSample(phase, RunSample.lag(group), now, admin.lag(group, topic), null));
        }
        return samples;
    }

    @Override
    public void close() {
        admin.close();
    }
}
