package io.offstream.tasks.ingress.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.spark.TaskContext;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.naming.RunHeaders;

/**
 * Publishes one Spark task's accepted rows of a dt= partition to the ingress topic: key = the
 * record key text (UTF-8), value = the single-object-encoded request, headers = {@link RunHeaders}
 * run key, partition date, source position. Sends go through the JVM's {@link SharedProducers}
 * producer (acks=all, idempotent); a task's {@link Sending#finish} returns once all of its records
 * are acknowledged, and a send that fails fails the task.
 */
final class KafkaPartitionPublisher implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final long LOG_EVERY = 50_000;

    private final IngressJobOptions options;
    private final LocalDate partitionDate;

    KafkaPartitionPublisher(IngressJobOptions options, LocalDate partitionDate) {
        this.options = options;
        this.partitionDate = partitionDate;
    }

    /** The sends of the calling Spark task. */
    Sending open() {
        return new Sending();
    }

    /** One task's sends: not thread-safe, as a task is one thread. */
    final class Sending {

        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final AtomicLong acked = new AtomicLong();
        private final byte[] runKey = options.runKey().getBytes(StandardCharsets.UTF_8);
        private final byte[] date = partitionDate.toString().getBytes(StandardCharsets.UTF_8);
        private final KafkaProducer<byte[], byte[]> producer = SharedProducers.of(options.producer());
        private final long start = System.nanoTime();
        private final boolean pauses;
        private long sent;

        private Sending() {
            // exactly one task in the whole cluster pauses: the first attempt of the day's first split. The attempt Spark
            // runs again after a lost executor (a new task or a new stage attempt) goes through.
            TaskContext task = TaskContext.get();
            pauses = options.pausesIn(partitionDate) && (task == null
                    || (task.partitionId() == 0 && task.stageAttemptNumber() == 0 && task.attemptNumber() == 0));
        }

        /** Sends one accepted row; throws once an earlier send of this task has failed. */
        void send(String key, byte[] value, String sourceFile, long sourceRow) {
            failIfAnySendFailed();
            RecordHeaders headers = new RecordHeaders();
            headers.add(RunHeaders.RUN_KEY, runKey);
            headers.add(RunHeaders.PARTITION_DATE, date);
            headers.add(RunHeaders.SOURCE_POSITION, (sourceFile + "#" + sourceRow).getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(options.topic(), null, null, key.getBytes(StandardCharsets.UTF_8), value, headers),
                    (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
            sent++;
            if (sent % LOG_EVERY == 0) {
                double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                System.out.printf("[offstream] partition dt=%s: %,d records sent by this task (%,.0f rows/s)%n",
                        partitionDate, sent, sent / seconds);
            }
            if (pauses && sent >= options.pauseAfterRows()) {
                pause();
            }
        }

        /** Waits until every record of the task is acknowledged; the number acknowledged. */
        long finish() {
            if (pauses) {
                // the day had fewer rows than the pause point: it pauses after its last one
                pause();
            }
            producer.flush();
            failIfAnySendFailed();
            return acked.get();
        }

        private void failIfAnySendFailed() {
            Exception failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Publishing to " + options.topic() + " failed: " + failed.getMessage(), failed);
            }
        }

        /** Holds the partition mid-way (fault injection) until the JVM is killed; the run never ends on its own. */
        private void pause() {
            producer.flush();
            System.out.println("[offstream] fault injection: paused after " + sent + " records, to be killed from outside");
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("paused by fault injection, then interrupted", e);
                }
            }
        }
    }
}
