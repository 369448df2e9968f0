package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EgressLandingSchemaTests {

    private static final Schema REQUEST = parse("""
            {"type": "record", "name": "Order", "namespace": "com.example.pricing", "fields": [
              {"name": "order_id", "type": "long", "doc": "The order."},
              {"name": "line_no", "type": "int"},
              {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}}
            ]}""");

    private static final Schema RESPONSE = parse("""
            {"type": "record", "name": "Price", "namespace": "com.example.pricing", "doc": "A price.", "fields": [
              {"name": "line_no", "type": "int", "doc": "Echoed by the service."},
              {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
              {"name": "note", "type": ["null", "string"], "default": null}
            ]}""");

    @Test
    void keyFieldsTheResponseLacksComeFirstWithTheirRequestTypes() {
        Schema landing = EgressLandingSchema.of(RESPONSE, REQUEST, List.of("order_id", "line_no"));

        assertThat(landing.getFullName()).isEqualTo("com.example.pricing.Price");
        assertThat(landing.getDoc()).isEqualTo("A price.");
        assertThat(landing.getFields()).extracting(Schema.Field::name).containsExactly("order_id", "line_no", "total", "note");
        assertThat(landing.getField("order_id").schema().getType()).isEqualTo(Schema.Type.LONG);
        assertThat(landing.getField("order_id").doc()).isEqualTo("The order.");
        assertThat(landing.getField("line_no").doc()).as("the response's own field").isEqualTo("Echoed by the service.");
        assertThat(landing.getField("total").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));
        assertThat(landing.getField("note").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(EgressLandingSchema.addedKeyFields(RESPONSE, List.of("order_id", "line_no"))).containsExactly("order_id");
    }

    @Test
    void aResponseThatHasEveryKeyFieldLandsAsItIsBarItsBytesDecimalsWhichLandAsFixed() {
        Schema landing = EgressLandingSchema.of(RESPONSE, REQUEST, List.of("line_no"));

        assertThat(landing.getFields()).extracting(Schema.Field::name).containsExactly("line_no", "total", "note");
        assertThat(landing.getField("line_no").schema()).isEqualTo(RESPONSE.getField("line_no").schema());
        assertThat(landing.getField("note").schema()).isEqualTo(RESPONSE.getField("note").schema());
        assertThat(landing.getField("total").schema().getType()).isEqualTo(Schema.Type.FIXED);
        assertThat(landing.getField("total").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));
    }

    @Test
    void theKeyProjectionHoldsOnlyTheKeyFieldsInKeyOrder() {
        Schema landing = EgressLandingSchema.of(RESPONSE, REQUEST, List.of("order_id", "line_no"));

        Schema projection = EgressLandingSchema.keyProjection(landing, List.of("line_no", "order_id"));

        assertThat(projection.getFullName()).isEqualTo(landing.getFullName());
        assertThat(projection.getFields()).extracting(Schema.Field::name).containsExactly("line_no", "order_id");
    }

    @Test
    void aKeyTypeNamedLikeADifferentResponseTypeIsRefused() {
        Schema request = parse("""
                {"type": "record", "name": "Order", "namespace": "n", "fields": [
                  {"name": "region", "type": {"type": "enum", "name": "Region", "symbols": ["EU", "US"]}}]}""");
        Schema response = parse("""
                {"type": "record", "name": "Price", "namespace": "n", "fields": [
                  {"name": "home", "type": {"type": "enum", "name": "Region", "symbols": ["APAC"]}}]}""");

        assertThatThrownBy(() -> EgressLandingSchema.of(response, request, List.of("region")))
                .hasMessageContaining("the landing schema of n.Price with the key fields [region] of n.Order is not valid")
                .hasMessageContaining("two different types are named n.Region");
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
