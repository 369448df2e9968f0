package io.offstream.tasks.ingress.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Coerces one Spark partition of source rows ({@link CoercePartition}), publishes the accepted
 * ones as it goes and hands on only the rejected verdicts, for the quarantine the same Spark job
 * writes. One pass over the rows: nothing is cached, and an accepted row never becomes a Spark
 * row again. The {@link VerdictTally} counts every verdict; the broker's acknowledgements are
 * awaited once the task's rows are all read, before the task ends.
 */
final class PublishingPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final CoercePartition coerce;
    private final KafkaPartitionPublisher publisher;
    private final VerdictTally tally;

    PublishingPartition(CoercePartition coerce, KafkaPartitionPublisher publisher, VerdictTally tally) {
        this.coerce = coerce;
        this.publisher = publisher;
        this.tally = tally;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Iterator<Row> verdicts = coerce.call(rows);
        KafkaPartitionPublisher.Sending sending = publisher.open();
        int sourceFile = coerce.verdictIndex(VerdictColumns.SOURCE_FILE);
        int sourceRow = coerce.verdictIndex(VerdictColumns.SOURCE_ROW);
        int accepted = coerce.verdictIndex(VerdictColumns.ACCEPTED);
        int reasonCode = coerce.verdictIndex(VerdictColumns.REASON_CODE);
        int key = coerce.verdictIndex(VerdictColumns.KEY);
        int value = coerce.verdictIndex(VerdictColumns.VALUE);
        return new Iterator<>() {
            private Row rejected;
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (rejected == null && !finished) {
                    if (!verdicts.hasNext()) {
                        tally.countPublished(sending.finish());
                        finished = true;
                    } else {
                        Row verdict = verdicts.next();
                        if (verdict.getBoolean(accepted)) {
                            sending.send(verdict.getString(key), (byte[]) verdict.get(value), verdict.getString(sourceFile),
                                    verdict.getLong(sourceRow));
                            tally.countAccepted();
                        } else {
                            tally.countRejected(verdict.getString(reasonCode));
                            rejected = verdict;
                        }
                    }
                }
                return rejected != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row next = rejected;
                rejected = null;
                return next;
            }
        };
    }
}
