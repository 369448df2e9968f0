package io.offstream.tasks.egress.flink;

import io.offstream.schemas.sample.RiskDecision;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts each row in {@code dt=YYYY-MM-DD}, the UTC day of its {@code event_time}. */
public class DayBucketAssigner implements BucketAssigner<RiskDecision, String> {

    @Override
    public String getBucketId(RiskDecision decision, Context context) {
        return bucketOf(decision);
    }

    static String bucketOf(RiskDecision decision) {
        return "dt=" + RiskDecisionDeserializer.DAY.format(decision.getEventTime());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DayBucketAssigner(dt=YYYY-MM-DD of event_time, UTC)";
    }
}
