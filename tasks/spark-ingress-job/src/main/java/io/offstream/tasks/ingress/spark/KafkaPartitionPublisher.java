package io.offstream.tasks.ingress.spark;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.naming.RunHeaders;

/**
 * Publishes one Spark partition of a dt= partition's accepted rows ({@code _key, _value,
 * _source_file, _source_row}) to the ingress topic: key = the record key text (UTF-8), value =
 * the single-object-encoded request, headers = {@link RunHeaders} run key, partition date, source
 * position. Sends go through the JVM's {@link SharedProducers} producer (acks=all, idempotent); the
 * task ends once all of its records are acknowledged, and a send that fails fails the task.
 */
final class KafkaPartitionPublisher implements ForeachPartitionFunction<Row> {

    private static final long serialVersionUID = 1L;
    private static final long LOG_EVERY = 50_000;

    private final IngressJobOptions options;
    private final LocalDate partitionDate;
    private final LongAccumulator published;

    KafkaPartitionPublisher(IngressJobOptions options, LocalDate partitionDate, LongAccumulator published) {
        this.options = options;
        this.partitionDate = partitionDate;
        this.published = published;
    }

    @Override
    public void call(Iterator<Row> rows) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        byte[] runKey = options.runKey().getBytes(StandardCharsets.UTF_8);
        byte[] date = partitionDate.toString().getBytes(StandardCharsets.UTF_8);
        // exactly one task in the whole cluster pauses: the first attempt of the day's first split. The attempt Spark
        // runs again after a lost executor (a new task or a new stage attempt) goes through.
        TaskContext task = TaskContext.get();
        boolean pauses = options.pausesIn(partitionDate) && (task == null
                || (task.partitionId() == 0 && task.stageAttemptNumber() == 0 && task.attemptNumber() == 0));
        long start = System.nanoTime();
        long sent = 0;
        KafkaProducer<byte[], byte[]> producer = SharedProducers.of(options.producer());
        while (rows.hasNext() && failure.get() == null) {
            Row row = rows.next();
            RecordHeaders headers = new RecordHeaders();
            headers.add(RunHeaders.RUN_KEY, runKey);
            headers.add(RunHeaders.PARTITION_DATE, date);
            headers.add(RunHeaders.SOURCE_POSITION,
                    (row.getString(2) + "#" + row.getLong(3)).getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(options.topic(), null, null,
                    row.getString(0).getBytes(StandardCharsets.UTF_8), (byte[]) row.get(1), headers),
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
            if (pauses && (sent >= options.pauseAfterRows() || !rows.hasNext())) {
                producer.flush();
                System.out.println("[offstream] fault injection: paused after " + sent
                        + " records, to be killed from outside");
                System.out.flush();
                pauseForever();
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Publishing to " + options.topic() + " failed: " + failure.get().getMessage(), failure.get());
        }
        published.add(acked.get());
    }

    /** Holds the partition mid-way (fault injection) until the JVM is killed; the run never ends on its own. */
    private static void pauseForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("paused by fault injection, then interrupted", e);
            }
        }
    }
}
