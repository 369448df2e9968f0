package io.offstream.kafka.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until topics created a moment ago can take writes: every partition's leader serves it (answers
 * a ListOffsets). Metadata naming a leader is not enough: the leader may not have opened the log yet,
 * refuse a producer's first batch with NOT_LEADER_OR_FOLLOWER while accepting the next ones in
 * flight, and an idempotent producer's retry of that first batch is then refused as out of order
 * until it expires.
 */
public final class TopicReadiness {

    private TopicReadiness() {
    }

    /** @throws IllegalStateException naming the topics when {@code timeout} passes first */
    public static void awaitServed(Admin admin, Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!served(admin, topics, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " are not served by a leader after " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + topics, e);
            }
        }
    }

    private static boolean served(Admin admin, Collection<String> topics, Duration timeout) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest())));
            admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(1_000)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException notYetServed) {
            return false; // metadata has not caught up with the controller, or a leader has not opened the log
        } catch (TimeoutException e) {
            throw new IllegalStateException("Describing " + topics + " took more than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topics, e);
        }
    }
}
