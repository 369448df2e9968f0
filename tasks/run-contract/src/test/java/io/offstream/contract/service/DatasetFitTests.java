package io.offstream.contract.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan's check of a dataset's columns against the service's request; one test per refusal. */
class DatasetFitTests {

    @TempDir
    Path root;

    private ServiceDefinition svc;
    private Map<String, WarehouseType> columns;

    @BeforeEach
    void fittingDataset() {
        svc = new CatalogueFixture(root).catalogue().load("svc");
        columns = new LinkedHashMap<>();
        columns.put("order_id", WarehouseType.LONG);
        columns.put("line_number", WarehouseType.INT);
        columns.put("created_at", WarehouseType.TIMESTAMP);
        columns.put("price", WarehouseType.DECIMAL);
        columns.put("currency", WarehouseType.STRING);
    }

    @Test
    void aFittingDatasetHasNoProblemAndMayLackANullableField() {
        assertThat(DatasetFit.problems(svc, columns)).isEmpty();
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        columns.remove("currency");
        assertThat(DatasetFit.problems(svc, columns)).singleElement().asString()
                .startsWith("the dataset has no column 'currency' for the required request field 'currency' (string)");
    }

    @Test
    void aFieldMappedToAStructsFieldFitsWhenThePathIsThere() {
        ServiceDefinition nested = new CatalogueFixture(root).descriptor("{line_no: line_number}", "{line_no: line.number}")
                .catalogue().load("svc");
        columns.remove("line_number");
        columns.put("line", WarehouseType.STRUCT);

        assertThat(DatasetFit.problems(nested, columns)).singleElement().asString()
                .startsWith("the dataset has no column 'line.number' for the required request field 'line_no' (int) (mapped in columns)");
        columns.put("line.number", WarehouseType.INT);
        assertThat(DatasetFit.problems(nested, columns)).isEmpty();
    }

    @Test
    void aRenamedColumnIsNamedWithItsMapping() {
        columns.remove("line_number");
        columns.put("line_no", WarehouseType.INT);
        assertThat(DatasetFit.problems(svc, columns)).singleElement().asString()
                .startsWith("the dataset has no column 'line_number' for the required request field 'line_no' (int) (mapped in columns)");
    }

    @Test
    void aColumnThatCannotBecomeItsFieldIsNamed() {
        columns.put("created_at", WarehouseType.BOOLEAN);
        assertThat(DatasetFit.problems(svc, columns)).containsExactly(
                "column 'created_at' is BOOLEAN and cannot be coerced to request field 'created_at' (timestamp-micros)");
    }

    @Test
    void textIsCoercibleToScalarsButNotToStructures() {
        Schema array = Schema.createArray(Schema.create(Schema.Type.STRING));
        assertThat(DatasetFit.coercible(WarehouseType.STRING, Schema.create(Schema.Type.LONG))).isTrue();
        assertThat(DatasetFit.coercible(WarehouseType.STRING, svc.requestSchema().getField("price").schema())).isTrue();
        assertThat(DatasetFit.coercible(WarehouseType.STRING, array)).isFalse();
        assertThat(DatasetFit.coercible(WarehouseType.ARRAY, array)).isTrue();
        assertThat(DatasetFit.coercible(WarehouseType.ARRAY, Schema.create(Schema.Type.STRING))).isFalse();
    }
}
