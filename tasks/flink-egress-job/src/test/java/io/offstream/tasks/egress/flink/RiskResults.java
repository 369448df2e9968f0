package io.offstream.tasks.egress.flink;

import io.offstream.contract.service.ServiceDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Results of the sample {@code risk} service, built from its catalogue entry's response schema. */
final class RiskResults {

    static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");
    static final LocalDate DAY_ONE_DATE = LocalDate.parse("2026-03-01");

    static final ServiceDefinition SERVICE = TestServices.risk();

    private RiskResults() {
    }

    /** A decision keyed by its txn_id, landing on the UTC day of its event time (which lies in its dt= day). */
    static EgressResult decision(String txnId, Instant eventTime, String serviceVersion) {
        int hash = txnId.hashCode() & 0x7fffffff;
        GenericRecord decision = new GenericData.Record(SERVICE.responseSchema());
        decision.put("txn_id", txnId);
        decision.put("decision", List.of("APPROVE", "REVIEW", "DECLINE").get(hash % 3));
        decision.put("risk_score", hash % 1001);
        decision.put("reasons", hash % 2 == 0 ? List.of() : List.of("VELOCITY", "NEW_SELLER"));
        decision.put("amount_usd_minor", hash % 100_000L);
        decision.put("seller_tier", "standard");
        decision.put("service_version", serviceVersion);
        decision.put("event_time", eventTime.toEpochMilli());
        return new EgressResult(txnId, day(eventTime), decision);
    }

    /** {@code count} decisions {@code <prefix>0..}, an hour apart from {@link #DAY_ONE}. */
    static List<EgressResult> decisions(String prefix, int count) {
        List<EgressResult> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(decision(prefix + i, DAY_ONE.plusSeconds(i * 3_600L), "v1"));
        }
        return decisions;
    }

    static LocalDate day(Instant eventTime) {
        return LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
    }
}
