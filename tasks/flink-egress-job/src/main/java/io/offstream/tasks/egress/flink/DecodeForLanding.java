package io.offstream.tasks.egress.flink;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Decodes the surviving result for the Parquet writer and counts it against its landing day. */
public class DecodeForLanding extends RichMapFunction<EgressRecord, RiskDecision> {

    /** Accumulator name prefix; the full name is {@code landed.dt=YYYY-MM-DD}. */
    public static final String LANDED_PREFIX = "landed.dt=";

    private transient SpecificRecordCodec<RiskDecision> codec;

    @Override
    public void open(OpenContext openContext) {
        codec = SpecificRecordCodec.of(RiskDecision.class, HistorySchemaStore.fromClasspath());
    }

    @Override
    public RiskDecision map(EgressRecord record) {
        getRuntimeContext().getLongCounter(LANDED_PREFIX + record.dt).add(1L);
        return codec.decode(record.value);
    }
}
