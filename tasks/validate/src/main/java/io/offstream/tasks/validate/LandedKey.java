package io.offstream.tasks.validate;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.offstream.contract.jobs.EgressLandingSchema;
import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.service.ServiceDefinition;

/**
 * The record key of a service's landed rows: which columns hold it (the key fields, as the egress
 * job's landing schema has them) and how they make the key text, by the same rules as the Kafka key
 * of every ingress, egress and DLQ record ({@link RecordKeys#keyOf}), so landed keys compare with
 * the topics' keys as they are.
 */
record LandedKey(RecordKeys keys, Schema projection) {

    static LandedKey of(ServiceDefinition service) {
        List<String> fields = service.descriptor().key();
        return new LandedKey(new RecordKeys(fields), EgressLandingSchema.keyProjection(EgressLandingSchema.of(service), fields));
    }

    List<String> fields() {
        return keys.fields();
    }

    /** The key text of a landed row read with {@link #projection()} and Avro's generic model (no conversions). */
    String keyOf(GenericRecord row) {
        return keys.keyOf(row);
    }
}
