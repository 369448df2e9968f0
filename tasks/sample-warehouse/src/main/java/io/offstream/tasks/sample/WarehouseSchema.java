package io.offstream.tasks.sample;

import org.apache.avro.Schema;

/** The warehouse's own row layouts of the sample datasets (every column nullable, as warehouse tables are). */
public final class WarehouseSchema {

    /**
     * Transactions as an upstream export would write them: ids and codes as text, the amount as
     * text in minor units (so a malformed export shows up as a wrong type), the event time as a UTC
     * timestamp. Ingress coerces it into the risk service's Transaction request.
     */
    public static final Schema TRANSACTIONS = new Schema.Parser().parse("""
            {"type": "record", "name": "WarehouseTransaction", "namespace": "io.offstream.sample.warehouse",
             "fields": [
               {"name": "txn_id", "type": ["null", "string"]},
               {"name": "buyer_id", "type": ["null", "string"]},
               {"name": "seller_id", "type": ["null", "string"]},
               {"name": "amount_minor", "type": ["null", "string"]},
               {"name": "currency", "type": ["null", "string"]},
               {"name": "event_time", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}]},
               {"name": "item_category", "type": ["null", "string"]},
               {"name": "item_title", "type": ["null", "string"]},
               {"name": "payment_method", "type": ["null", "string"]},
               {"name": "buyer_country", "type": ["null", "string"]},
               {"name": "shipping_country", "type": ["null", "string"]}
             ]}
            """);

    /**
     * Order lines in real warehouse types, as Spark would write the table: {@code order_id} int64,
     * {@code line_number} int32, {@code created_at} TIMESTAMP(MICROS, UTC), {@code unit_price}
     * DECIMAL(12,2), {@code tags} a LIST of strings, {@code shipping} a struct. The decimal is a
     * 6-byte FIXED_LEN_BYTE_ARRAY (Spark's own legacy layout), not BINARY: Spark 4.0's vectorized
     * reader fails on a BINARY decimal of precision 18 or less (NullPointerException in
     * WritableColumnVector.arrayData), and Avro cannot ask parquet-avro for an INT64 decimal. Only
     * {@code loyalty_points} is text: the loyalty system exports it so, which is where a value that
     * is no number (a type mismatch) can come from. Ingress coerces it into the pricing service's
     * PriceRequest ({@code line_number} feeds {@code line_no} through the descriptor's columns).
     */
    public static final Schema ORDERS = new Schema.Parser().parse("""
            {"type": "record", "name": "WarehouseOrderLine", "namespace": "io.offstream.sample.warehouse",
             "fields": [
               {"name": "order_id", "type": ["null", "long"]},
               {"name": "line_number", "type": ["null", "int"]},
               {"name": "customer_id", "type": ["null", "string"]},
               {"name": "created_at", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}]},
               {"name": "unit_price", "type": ["null", {"type": "fixed", "name": "UnitPrice", "size": 6,
                 "logicalType": "decimal", "precision": 12, "scale": 2}]},
               {"name": "quantity", "type": ["null", "int"]},
               {"name": "currency", "type": ["null", "string"]},
               {"name": "sku", "type": ["null", "string"]},
               {"name": "tags", "type": ["null", {"type": "array", "items": "string"}]},
               {"name": "shipping", "type": ["null", {"type": "record", "name": "WarehouseShipping", "fields": [
                 {"name": "country", "type": ["null", "string"]},
                 {"name": "postal_code", "type": ["null", "string"]}
               ]}]},
               {"name": "channel", "type": ["null", "string"]},
               {"name": "coupon_code", "type": ["null", "string"]},
               {"name": "loyalty_points", "type": ["null", "string"]}
             ]}
            """);

    /** The struct of {@code ORDERS.shipping}. */
    public static final Schema SHIPPING = ORDERS.getField("shipping").schema().getTypes().get(1);

    private WarehouseSchema() {
    }
}
