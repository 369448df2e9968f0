package io.offstream.tasks.ingress.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the verdicts dataset: every source column as text (what a quarantined row keeps;
 * null in an accepted row), then where the row came from and what became of it.
 */
final class VerdictColumns {

    static final String SOURCE_FILE = "_source_file";
    static final String SOURCE_ROW = "_source_row";
    static final String ACCEPTED = "_accepted";
    static final String REASON_CODE = "_reason_code";
    static final String REASON_FIELD = "_reason_field";
    static final String REASON_MESSAGE = "_reason_message";
    static final String KEY = "_key";
    static final String VALUE = "_value";

    /** The verdict columns after the source columns, in row order. */
    static final List<String> AFTER_SOURCE = List.of(SOURCE_FILE, SOURCE_ROW, ACCEPTED, REASON_CODE, REASON_FIELD, REASON_MESSAGE,
            KEY, VALUE);

    /** The quarantine's own columns after the source columns: the verdict columns without their '_'. */
    static final List<String> QUARANTINE = List.of(REASON_CODE, REASON_FIELD, REASON_MESSAGE, SOURCE_FILE, SOURCE_ROW);

    private VerdictColumns() {
    }

    static StructType schema(List<String> sourceColumns) {
        List<StructField> fields = new ArrayList<>();
        sourceColumns.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(ACCEPTED, DataTypes.BooleanType, false));
        fields.add(DataTypes.createStructField(REASON_CODE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON_FIELD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON_MESSAGE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(KEY, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(VALUE, DataTypes.BinaryType, true));
        return DataTypes.createStructType(fields);
    }

    /** The quarantine name of a verdict column: {@code _reason_code} is {@code reason_code}. */
    static String quarantineName(String column) {
        return column.substring(1);
    }
}
