package io.offstream.contract.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes catalogue entries into a folder: a valid {@code svc} entry to start from, then whatever a test changes. */
final class CatalogueFixture {

    static final String DESCRIPTOR = """
            name: svc
            key: [order_id, line_no]
            event-time: created_at
            columns: {line_no: line_number}
            constraints:
              price: {min: 0}
              currency: {in: iso-4217}
            invoke: {http: {url: "http://127.0.0.1:8083/price"}}
            diff: {ignore: [version]}
            """;

    static final String REQUEST_V1 = """
            {"type": "record", "name": "Req", "namespace": "t", "fields": [
              {"name": "order_id", "type": "long"},
              {"name": "line_no", "type": "int"},
              {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
              {"name": "currency", "type": "string"},
              {"name": "note", "type": ["null", "string"], "default": null}
            ]}""";

    static final String RESPONSE_V1 = """
            {"type": "record", "name": "Res", "namespace": "t", "fields": [
              {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 14, "scale": 2}},
              {"name": "version", "type": "string"}
            ]}""";

    private final Path root;

    CatalogueFixture(Path root) {
        this.root = root;
        write("svc/service.yaml", DESCRIPTOR);
        write("svc/request/v1.avsc", REQUEST_V1);
        write("svc/response/v1.avsc", RESPONSE_V1);
    }

    CatalogueFixture write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CatalogueFixture delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CatalogueFixture descriptor(String from, String to) {
        return write("svc/service.yaml", DESCRIPTOR.replace(from, to));
    }

    ServiceCatalogue catalogue() {
        return ServiceCatalogue.local(root.toUri());
    }
}
