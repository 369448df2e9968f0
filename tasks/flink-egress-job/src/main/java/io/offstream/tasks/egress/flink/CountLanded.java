package io.offstream.tasks.egress.flink;

import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts every row that lands (one per key, after the dedupe) against its landing day. */
public class CountLanded extends RichMapFunction<EgressRecord, EgressRecord> {

    /** Accumulator name prefix; the full name is {@code landed.dt=YYYY-MM-DD}. */
    public static final String LANDED_PREFIX = "landed.dt=";

    @Override
    public EgressRecord map(EgressRecord record) {
        getRuntimeContext().getLongCounter(LANDED_PREFIX + record.dt).add(1L);
        return record;
    }
}
