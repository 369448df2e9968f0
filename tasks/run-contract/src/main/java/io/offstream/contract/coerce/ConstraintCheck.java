package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.RejectReason.NOT_IN_SET;
import static io.offstream.contract.coerce.RejectReason.OUT_OF_RANGE;
import static io.offstream.contract.coerce.RejectReason.PATTERN_MISMATCH;
import static io.offstream.contract.coerce.RejectReason.TOO_LONG;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import io.offstream.contract.service.AvroTypes;
import io.offstream.contract.service.FieldConstraint;
import io.offstream.contract.service.NamedSets;

/**
 * One field's descriptor constraint, applied to the coerced (non-null) value, in this order:
 * max-length, pattern, in, min/max.
 *
 * <p>{@code in} a list compares exactly. {@code in} a named set (ISO codes, upper case by
 * definition) compares upper-cased, and a string field keeps the upper-cased code: {@code usd} is
 * accepted and stored as {@code USD}, so the service sees the set's own spelling (as the sample's
 * ingress always did).
 */
final class ConstraintCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BigDecimal min;
    private final BigDecimal max;
    private final Pattern pattern;
    private final Integer maxLength;
    private final Set<String> in;
    private final String namedSet;

    ConstraintCheck(FieldConstraint constraint) {
        this.min = constraint.min();
        this.max = constraint.max();
        this.pattern = constraint.compiledPattern();
        this.maxLength = constraint.maxLength();
        this.in = constraint.in() == null ? null : new LinkedHashSet<>(constraint.in());
        this.namedSet = constraint.namedSet();
    }

    /** The value, upper-cased when a named set says so; a {@link ValueRejectedException} when it breaks the constraint. */
    Object apply(String path, Object datum, Schema fieldSchema) {
        if (datum instanceof CharSequence) {
            return text(path, datum.toString(), true);
        }
        if (datum instanceof GenericData.EnumSymbol) {
            text(path, datum.toString(), false);
            return datum;
        }
        if (min != null || max != null) {
            range(path, datum, AvroTypes.nonNull(fieldSchema));
        }
        return datum;
    }

    /** The text, or the named set's spelling of it when {@code mayNormalize}. */
    private String text(String path, String text, boolean mayNormalize) {
        if (maxLength != null) {
            int length = text.codePointCount(0, text.length());
            if (length > maxLength) {
                throw ValueRejectedException.of(TOO_LONG, path, text, "has " + length + " characters, more than the " + maxLength
                        + " allowed");
            }
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw ValueRejectedException.of(PATTERN_MISMATCH, path, text, "does not match " + pattern.pattern());
        }
        if (in != null && !in.contains(text)) {
            throw ValueRejectedException.of(NOT_IN_SET, path, text, "is not one of " + ValueText.brief(in.toString()));
        }
        if (namedSet != null) {
            String code = text.toUpperCase(Locale.ROOT);
            if (!NamedSets.values(namedSet).contains(code)) {
                throw ValueRejectedException.of(NOT_IN_SET, path, text, "is not in " + namedSet);
            }
            return mayNormalize ? code : text;
        }
        return text;
    }

    private void range(String path, Object datum, Schema schema) {
        BigDecimal value = numeric(datum, schema);
        if (value == null) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, datum, "is not a number, so not within its min/max");
        }
        if (min != null && value.compareTo(min) < 0) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "is below the minimum " + min.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "is above the maximum " + max.toPlainString());
        }
    }

    /** The exact value of a coerced number; null for NaN and infinities. */
    private static BigDecimal numeric(Object datum, Schema schema) {
        if (datum instanceof Integer || datum instanceof Long) {
            return BigDecimal.valueOf(((Number) datum).longValue());
        }
        if (datum instanceof Float || datum instanceof Double) {
            double d = ((Number) datum).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            // the shortest decimal text, so 0.1f compares as 0.1 against max: 0.1
            return new BigDecimal(datum instanceof Float f ? Float.toString(f) : Double.toString(d));
        }
        if (AvroTypes.isDecimal(schema)) {
            return DecimalCoercion.valueOf(datum, schema);
        }
        return null;
    }
}
