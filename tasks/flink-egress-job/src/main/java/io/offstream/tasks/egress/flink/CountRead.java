package io.offstream.tasks.egress.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts every record read from the topic (chained to the source, costs nothing). */
public class CountRead extends RichMapFunction<EgressRecord, EgressRecord> {

    public static final String RECORDS_READ = "records-read";

    private transient LongCounter read;

    @Override
    public void open(OpenContext openContext) {
        read = getRuntimeContext().getLongCounter(RECORDS_READ);
    }

    @Override
    public EgressRecord map(EgressRecord record) {
        read.add(1L);
        return record;
    }
}
