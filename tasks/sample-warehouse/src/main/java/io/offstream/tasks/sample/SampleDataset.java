package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** The sample datasets the task can write ({@code offstream.sample.dataset}). */
public enum SampleDataset {

    /** Marketplace transactions for the sample {@code risk} service (the default). */
    TRANSACTIONS(WarehouseSchema.TRANSACTIONS, GenericData.get()) {
        @Override
        GeneratedDay generate(long seed, LocalDate date, int rows, double badFraction) {
            return SampleDay.generate(seed, date, rows, badFraction);
        }

        @Override
        Map<String, Object> badKinds() {
            Map<String, Object> kinds = new LinkedHashMap<>();
            for (BadRowKind kind : BadRowKind.values()) {
                kinds.put(kind.name(), Map.of("reason", kind.reason().name()));
            }
            return kinds;
        }
    },

    /** Order lines for the {@code pricing} service, in real warehouse types (decimal, timestamp, list, struct). */
    ORDERS(WarehouseSchema.ORDERS, withDecimals()) {
        @Override
        GeneratedDay generate(long seed, LocalDate date, int rows, double badFraction) {
            return OrdersDay.generate(seed, date, rows, badFraction);
        }

        @Override
        Map<String, Object> badKinds() {
            Map<String, Object> kinds = new LinkedHashMap<>();
            for (OrdersBadRowKind kind : OrdersBadRowKind.values()) {
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("reason", kind.reason().name());
                expected.put("fields", kind.fields());
                kinds.put(kind.name(), expected);
            }
            return kinds;
        }
    };

    private final Schema warehouseSchema;
    private final GenericData dataModel;

    SampleDataset(Schema warehouseSchema, GenericData dataModel) {
        this.warehouseSchema = warehouseSchema;
        this.dataModel = dataModel;
    }

    /** One day of rows. */
    abstract GeneratedDay generate(long seed, LocalDate date, int rows, double badFraction);

    /** The rows' schema, as written to Parquet. */
    public Schema warehouseSchema() {
        return warehouseSchema;
    }

    /** The Avro data model the rows are written with: it knows the rows' Java types of logical types. */
    GenericData dataModel() {
        return dataModel;
    }

    /** The folder name of the default path, {@code transactions} or {@code orders}. */
    public String folderName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What each bad-row kind must make ingress say, for the expectations ({@code badKinds} of summary.json). */
    abstract Map<String, Object> badKinds();

    private static GenericData withDecimals() {
        // rows hold BigDecimal for decimal columns; the conversion writes them as Parquet DECIMAL
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return model;
    }
}
