package io.offstream.contract.coerce;

import org.apache.avro.generic.GenericData;

/**
 * What the coercer decided for one row: either the request record with its record key, or a
 * rejection.
 *
 * @param record the request, valid for the current request schema; null when rejected
 * @param key the record key text ({@link io.offstream.contract.keys.RecordKeys}); null when rejected
 * @param rejection why the row was rejected; null when accepted
 */
public record RowVerdict(GenericData.Record record, String key, Rejection rejection) {

    static RowVerdict accept(GenericData.Record record, String key) {
        return new RowVerdict(record, key, null);
    }

    static RowVerdict reject(Rejection rejection) {
        return new RowVerdict(null, null, rejection);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
