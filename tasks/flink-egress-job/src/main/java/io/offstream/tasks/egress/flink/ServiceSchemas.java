package io.offstream.tasks.egress.flink;

import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A service's schema histories and key, in the form Flink ships to its operators: every released
 * version as JSON text (Avro's parsed schemas are not meant to travel), parsed again in the operator
 * on first use into the {@link LandingRows} it works with.
 */
public final class ServiceSchemas implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final List<String> requestVersions;
    private final List<String> responseVersions;
    private final List<String> keyFields;

    private transient LandingRows landingRows;

    private ServiceSchemas(String service, List<String> requestVersions, List<String> responseVersions, List<String> keyFields) {
        this.service = service;
        this.requestVersions = List.copyOf(requestVersions);
        this.responseVersions = List.copyOf(responseVersions);
        this.keyFields = List.copyOf(keyFields);
    }

    public static ServiceSchemas of(ServiceDefinition service) {
        return new ServiceSchemas(service.name(), json(service.request()), json(service.response()), service.descriptor().key());
    }

    public String service() {
        return service;
    }

    public List<String> keyFields() {
        return keyFields;
    }

    /** Built once per operator instance (and on the client, to check the landing schema before submitting). */
    public LandingRows landingRows() {
        if (landingRows == null) {
            RecordHistory request = history(requestVersions);
            RecordHistory response = history(responseVersions);
            // the same store as ServiceDefinition.schemaStore(): both histories, every released version
            HistorySchemaStore store = new HistorySchemaStore(new SchemaHistory(List.of(request, response)));
            landingRows = new LandingRows(store, response.current().schema(), request.current().schema(), keyFields);
        }
        return landingRows;
    }

    private static List<String> json(RecordHistory history) {
        return history.versions().stream().map(SchemaVersion::schema).map(Schema::toString).toList();
    }

    /** One parser per version: versions of one record share its names. */
    private static RecordHistory history(List<String> versions) {
        return new RecordHistory(versions.stream().map(text -> new Schema.Parser().parse(text)).toList());
    }
}
