package io.offstream.tasks.ingress.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import io.offstream.contract.coerce.RejectReason;
import io.offstream.contract.coerce.RowCoercer;
import io.offstream.contract.coerce.RowVerdict;
import io.offstream.contract.coerce.ValueText;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.schemas.codec.MessageEncodingException;

/**
 * Coerces one Spark partition of source rows (with their position and raw key) and gives one
 * verdict row each ({@link VerdictColumns}): accepted with the record key and the
 * single-object-encoded request, or rejected with the reason and the source row as text. The rows
 * come grouped by raw key, in source order within a key: a valid row whose key an earlier valid
 * row of the group already had is a duplicate; an invalid one counts for nothing.
 */
final class CoercePartition implements MapPartitionsFunction<Row, Row> {

    /** The key columns' trimmed texts, joined; null when a key column is missing from the source. */
    static final String RAW_KEY = "_raw_key";

    private static final long serialVersionUID = 1L;

    private final RowCoercer coercer;
    private final ServiceSchemas schemas;
    private final List<String> sourceColumns;
    private final LocalDate partitionDate;
    private final int maxRecordBytes;

    /**
     * Bytes a record takes on top of its key, value and source position: the batch header (61) and
     * the record's own varints, the header names and the run key and date headers. Generous, so
     * that a record this check lets through is never one the producer refuses as too large.
     */
    static final int RECORD_OVERHEAD_BYTES = 512;

    /** @param maxRecordBytes the largest record the producer sends ({@code max.request.size}) */
    CoercePartition(RowCoercer coercer, ServiceSchemas schemas, List<String> sourceColumns, LocalDate partitionDate,
            int maxRecordBytes) {
        this.coercer = coercer;
        this.schemas = schemas;
        this.sourceColumns = List.copyOf(sourceColumns);
        this.partitionDate = partitionDate;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        GenericRecordCodec codec = schemas.codec();
        KeyGroup group = new KeyGroup();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return verdict(rows.next(), codec, group);
            }
        };
    }

    private Row verdict(Row row, GenericRecordCodec codec, KeyGroup group) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (String column : sourceColumns) {
            values.put(column, SparkValues.toJava(row.getAs(column)));
        }
        boolean duplicate = group.enter(row.getAs(RAW_KEY))
                && coercer.keyColumns().stream().allMatch(c -> coercer.read(values::get, c) != null);
        RowVerdict verdict = coercer.coerce(values::get, partitionDate, duplicate);
        Object[] out = new Object[sourceColumns.size() + VerdictColumns.AFTER_SOURCE.size()];
        int i = sourceColumns.size();
        out[i] = row.getAs(VerdictColumns.SOURCE_FILE);
        out[i + 1] = ((Number) row.getAs(VerdictColumns.SOURCE_ROW)).longValue();
        if (verdict.accepted()) {
            try {
                byte[] value = codec.encode(verdict.record());
                int size = recordSize(verdict.key(), value, (String) out[i]);
                if (size > maxRecordBytes) {
                    sourceAsText(values, out);
                    out[i + 2] = false;
                    out[i + 3] = RejectReason.RECORD_TOO_LARGE.name();
                    out[i + 4] = "";
                    out[i + 5] = "the request of key '" + ValueText.brief(verdict.key()) + "' is about " + size
                            + " bytes as a Kafka record, above the " + maxRecordBytes
                            + " the ingress producer sends (producer max.request.size; the topic's max.message.bytes must allow it too)";
                    return RowFactory.create(out);
                }
                out[i + 7] = value;
                out[i + 2] = true;
                out[i + 6] = verdict.key();
                group.accepted();
                return RowFactory.create(out);
            } catch (MessageEncodingException e) {
                // the coercer makes valid records, so this is a coercer bug: quarantined, never dropped
                sourceAsText(values, out);
                out[i + 2] = false;
                out[i + 3] = RejectReason.TYPE_MISMATCH.name();
                out[i + 4] = "";
                out[i + 5] = "the request could not be encoded: " + e.getMessage();
                return RowFactory.create(out);
            }
        }
        sourceAsText(values, out);
        out[i + 2] = false;
        out[i + 3] = verdict.rejection().reason().name();
        out[i + 4] = verdict.rejection().field();
        out[i + 5] = verdict.rejection().message();
        return RowFactory.create(out);
    }

    /** Where a verdict column is in the rows this gives: after the source columns. */
    int verdictIndex(String verdictColumn) {
        return sourceColumns.size() + VerdictColumns.AFTER_SOURCE.indexOf(verdictColumn);
    }

    /** An upper bound of the record's size as the producer counts it for {@code max.request.size}. */
    private static int recordSize(String key, byte[] value, String sourceFile) {
        return key.getBytes(StandardCharsets.UTF_8).length + value.length
                + (sourceFile == null ? 0 : sourceFile.getBytes(StandardCharsets.UTF_8).length) + 20 + RECORD_OVERHEAD_BYTES;
    }

    /**
     * The source columns as text, which only the quarantine keeps: an accepted row (all but a few)
     * leaves them null, so no text is made and none is held in the persisted verdicts.
     */
    private void sourceAsText(Map<String, Object> values, Object[] out) {
        for (int c = 0; c < sourceColumns.size(); c++) {
            out[c] = ValueText.of(values.get(sourceColumns.get(c)));
        }
    }

    /** The raw key whose rows are being read, and whether one of them was accepted. */
    private static final class KeyGroup {

        private String rawKey;

        private boolean accepted;

        /** Moves to the row's key; whether a row of it was accepted already (the row is then a duplicate if valid). */
        boolean enter(String rowKey) {
            if (rowKey == null) {
                return false;
            }
            if (!rowKey.equals(rawKey)) {
                rawKey = rowKey;
                accepted = false;
            }
            return accepted;
        }

        void accepted() {
            accepted = true;
        }
    }
}
