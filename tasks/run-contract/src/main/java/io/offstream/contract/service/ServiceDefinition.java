package io.offstream.contract.service;

import java.net.URI;
import java.util.List;

import org.apache.avro.Schema;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;

/**
 * One checked catalogue entry: its folder, descriptor, and the schema histories of its request and
 * response (the highest version is the current one).
 */
public record ServiceDefinition(URI folder, ServiceDescriptor descriptor, RecordHistory request, RecordHistory response) {

    public String name() {
        return descriptor.name();
    }

    public Schema requestSchema() {
        return request.current().schema();
    }

    public Schema responseSchema() {
        return response.current().schema();
    }

    /** Both histories: what decodes the run's events and results by fingerprint. */
    public SchemaHistory schemaHistory() {
        return new SchemaHistory(List.of(request, response));
    }

    public HistorySchemaStore schemaStore() {
        return new HistorySchemaStore(schemaHistory());
    }

    /** The function jar as an absolute URI (a relative {@code invoke.jar} is relative to the service folder); null when none. */
    public URI functionJar() {
        URI jar = descriptor.invoke().jar();
        if (jar == null) {
            return null;
        }
        return jar.isAbsolute() ? jar : folder.resolve(jar);
    }
}
