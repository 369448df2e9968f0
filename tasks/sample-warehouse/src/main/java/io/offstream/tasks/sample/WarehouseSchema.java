package io.offstream.tasks.sample;

import org.apache.avro.Schema;

/**
 * The warehouse's own row layout, as an upstream export would write it: ids and codes as text,
 * the amount as text in minor units (so a malformed export shows up as a wrong type), the event
 * time as a UTC timestamp. Ingress coerces it into the Transaction event schema.
 */
public final class WarehouseSchema {

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

    private WarehouseSchema() {
    }
}
