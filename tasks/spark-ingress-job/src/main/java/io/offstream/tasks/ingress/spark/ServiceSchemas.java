package io.offstream.tasks.ingress.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;

/**
 * A catalogue entry's schema histories as JSON text, so Spark can ship them to executors, which
 * rebuild the codec that single-object-encodes the accepted requests.
 */
final class ServiceSchemas implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<List<String>> records;

    private ServiceSchemas(List<List<String>> records) {
        this.records = records;
    }

    static ServiceSchemas of(SchemaHistory history) {
        List<List<String>> records = new ArrayList<>();
        for (RecordHistory record : history.records()) {
            records.add(new ArrayList<>(record.versions().stream().map(SchemaVersion::schema).map(Schema::toString).toList()));
        }
        return new ServiceSchemas(records);
    }

    GenericRecordCodec codec() {
        List<RecordHistory> histories = new ArrayList<>();
        for (List<String> versions : records) {
            // one parser per version: versions of a record share its name, which one parser refuses to define twice
            histories.add(new RecordHistory(versions.stream().map(json -> new Schema.Parser().parse(json)).toList()));
        }
        return new GenericRecordCodec(new HistorySchemaStore(new SchemaHistory(histories)));
    }
}
