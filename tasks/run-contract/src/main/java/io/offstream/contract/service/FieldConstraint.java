package io.offstream.contract.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on one request field beyond its schema type, from the descriptor's {@code constraints}.
 * Every part is optional (null when absent).
 *
 * @param min smallest allowed value of a numeric field (inclusive)
 * @param max largest allowed value of a numeric field (inclusive)
 * @param pattern regular expression a text value must match as a whole
 * @param maxLength longest text value, in characters
 * @param in the allowed values, as text
 * @param namedSet a named set of allowed values instead of a list: {@code iso-4217}, {@code iso-3166}
 */
public record FieldConstraint(BigDecimal min, BigDecimal max, String pattern, Integer maxLength, List<String> in,
        String namedSet) {

    public FieldConstraint {
        in = in == null ? null : List.copyOf(in);
    }

    /** The pattern, compiled; null when there is none. */
    public Pattern compiledPattern() {
        return pattern == null ? null : Pattern.compile(pattern);
    }

    public boolean numeric() {
        return min != null || max != null;
    }

    public boolean textual() {
        return pattern != null || maxLength != null || in != null || namedSet != null;
    }
}
