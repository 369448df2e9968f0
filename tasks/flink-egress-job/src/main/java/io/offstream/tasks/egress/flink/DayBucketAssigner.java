package io.offstream.tasks.egress.flink;

import io.offstream.contract.layout.RunLayout;
import java.time.LocalDate;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts each row in {@code dt=YYYY-MM-DD}, the dt= day of the source row it answers (its partition date header). */
public class DayBucketAssigner implements BucketAssigner<EgressRecord, String> {

    @Override
    public String getBucketId(EgressRecord record, Context context) {
        return RunLayout.dayFolder(LocalDate.parse(record.dt));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DayBucketAssigner(dt=YYYY-MM-DD of the partition date header)";
    }
}
