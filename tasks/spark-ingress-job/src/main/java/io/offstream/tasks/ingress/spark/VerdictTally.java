package io.offstream.tasks.ingress.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import io.offstream.contract.coerce.RejectReason;

/**
 * A dt= partition's counts, kept by the tasks that coerce and publish its rows: accepted rows,
 * rejected rows per reason, records the broker acknowledged. Spark applies a result task's
 * accumulator updates once per partition (a failed or speculative attempt's are dropped), so the
 * counts are exact when the tally is kept in the job's last stage.
 */
final class VerdictTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LongAccumulator accepted;
    private final LongAccumulator published;
    private final EnumMap<RejectReason, LongAccumulator> rejected = new EnumMap<>(RejectReason.class);

    VerdictTally(SparkContext spark, LocalDate date) {
        accepted = spark.longAccumulator("accepted-" + date);
        published = spark.longAccumulator("published-" + date);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, spark.longAccumulator("rejected-" + reason + "-" + date));
        }
    }

    void countAccepted() {
        accepted.add(1);
    }

    void countRejected(String reasonCode) {
        rejected.get(RejectReason.valueOf(reasonCode)).add(1);
    }

    void countPublished(long records) {
        published.add(records);
    }

    /** Rows read: accepted and rejected (driver side, once the job is over). */
    long read() {
        return accepted.value() + rejected();
    }

    long accepted() {
        return accepted.value();
    }

    long rejected() {
        return rejected.values().stream().mapToLong(LongAccumulator::value).sum();
    }

    long published() {
        return published.value();
    }

    /** Rejected rows by reason code, the reasons with none left out. */
    Map<String, Long> byReason() {
        Map<String, Long> counts = new TreeMap<>();
        rejected.forEach((reason, count) -> {
            if (count.value() > 0) {
                counts.put(reason.name(), count.value());
            }
        });
        return counts;
    }
}
