package io.offstream.tasks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

import io.offstream.contract.service.WarehouseType;

/** How plan reads a warehouse column's type from a Parquet schema (as Spark and parquet-avro write them). */
class DatasetColumnsTests {

    @Test
    void everyParquetShapeMapsToAWarehouseType() {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message orders {
                  required int64 order_id;
                  optional int32 line_number;
                  optional binary customer_id (STRING);
                  optional binary raw_bytes;
                  optional int64 created_at (TIMESTAMP(MICROS,true));
                  optional int96 legacy_time;
                  optional int32 day (DATE);
                  optional binary unit_price (DECIMAL(12,2));
                  optional fixed_len_byte_array(7) tax (DECIMAL(14,2));
                  optional double weight;
                  optional float ratio;
                  optional boolean gift;
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                  optional group attributes (MAP) { repeated group key_value { required binary key (STRING); optional binary value (STRING); } }
                  optional group shipping { optional binary country (STRING); optional binary postal_code (STRING); }
                }""");
        var columns = DatasetColumns.columns(schema);
        assertThat(columns).containsEntry("order_id", WarehouseType.LONG).containsEntry("line_number", WarehouseType.INT)
                .containsEntry("customer_id", WarehouseType.STRING).containsEntry("raw_bytes", WarehouseType.BINARY)
                .containsEntry("created_at", WarehouseType.TIMESTAMP).containsEntry("legacy_time", WarehouseType.TIMESTAMP)
                .containsEntry("day", WarehouseType.DATE).containsEntry("unit_price", WarehouseType.DECIMAL)
                .containsEntry("tax", WarehouseType.DECIMAL).containsEntry("weight", WarehouseType.DOUBLE)
                .containsEntry("ratio", WarehouseType.FLOAT).containsEntry("gift", WarehouseType.BOOLEAN)
                .containsEntry("tags", WarehouseType.ARRAY).containsEntry("attributes", WarehouseType.MAP)
                .containsEntry("shipping", WarehouseType.STRUCT);
    }

    @Test
    void aStructsFieldsAreColumnsByTheirDottedPathsAndAColumnNamedWithADotWins() {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message orders {
                  required int64 order_id;
                  optional group shipping {
                    optional binary country (STRING);
                    optional group address { optional int32 floor; }
                  }
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                  optional binary shipping.address (STRING);
                }""");
        var columns = DatasetColumns.columns(schema);
        assertThat(columns).containsEntry("shipping", WarehouseType.STRUCT).containsEntry("shipping.country", WarehouseType.STRING)
                .containsEntry("shipping.address", WarehouseType.STRING).containsEntry("shipping.address.floor", WarehouseType.INT)
                .doesNotContainKey("tags.list").doesNotContainKey("tags.list.element");
    }
}
