package io.offstream.tasks.egress.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichReduceFunction;

/**
 * Keeps one result per record key: of two, the one read first (lowest partition, then lowest
 * offset), whatever order they arrive in, so a rerun picks the same row. Every call drops one
 * duplicate and counts it.
 */
public class LowestOffsetWins extends RichReduceFunction<EgressRecord> {

    public static final String DUPLICATES_DROPPED = "duplicates-dropped";

    private transient LongCounter duplicates;

    @Override
    public void open(OpenContext openContext) {
        duplicates = getRuntimeContext().getLongCounter(DUPLICATES_DROPPED);
    }

    @Override
    public EgressRecord reduce(EgressRecord a, EgressRecord b) {
        if (duplicates != null) {
            duplicates.add(1L);
        }
        return a.readBefore(b) ? a : b;
    }
}
