package io.offstream.tasks.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.offstream.contract.coerce.RejectReason;
import io.offstream.contract.service.AvroTypes;
import io.offstream.contract.service.FieldConstraint;
import io.offstream.contract.service.NamedSets;
import io.offstream.contract.service.ServiceDescriptor;

/**
 * What the pricing descriptor's rules say about one warehouse row, field by field, in the terms of
 * the generic reject reasons: a test's stand-in for ingress (no Spark, no coercion beyond parsing
 * text into a number), so the orders dataset can be held to the descriptor it is made for.
 */
final class PricingRowCheck {

    /** A rule a row breaks: the reject reason and the request field. */
    record Violation(RejectReason reason, String field) {
    }

    private final ServiceDescriptor descriptor;
    private final Schema request;

    PricingRowCheck(ServiceDescriptor descriptor, Schema request) {
        this.descriptor = descriptor;
        this.request = request;
    }

    /** Every rule the row breaks, key duplicates aside (they need the rows before it). */
    List<Violation> violations(GenericRecord row, LocalDate partition) {
        List<Violation> found = new ArrayList<>();
        for (Schema.Field field : request.getFields()) {
            Object value = row.get(descriptor.columnOf(field.name()));
            if (value == null) {
                if (!AvroTypes.nullable(field.schema())) {
                    found.add(new Violation(RejectReason.NULL_REQUIRED_FIELD, field.name()));
                }
                continue;
            }
            Schema type = AvroTypes.nonNull(field.schema());
            if (value instanceof CharSequence text && AvroTypes.isNumeric(type)) {
                try {
                    value = new BigDecimal(text.toString().trim());
                } catch (NumberFormatException e) {
                    found.add(new Violation(RejectReason.TYPE_MISMATCH, field.name()));
                    continue;
                }
            }
            if (type.getType() == Schema.Type.ENUM && !type.getEnumSymbols().contains(value.toString())) {
                found.add(new Violation(RejectReason.NOT_IN_SET, field.name()));
            }
            FieldConstraint constraint = descriptor.constraints().get(field.name());
            if (constraint != null) {
                found.addAll(broken(field.name(), constraint, value));
            }
            if (field.name().equals(descriptor.eventTime()) && !inside((Long) value, partition)) {
                found.add(new Violation(RejectReason.EVENT_TIME_OUTSIDE_PARTITION, field.name()));
            }
        }
        return found;
    }

    private static List<Violation> broken(String field, FieldConstraint c, Object value) {
        List<Violation> found = new ArrayList<>();
        if (c.numeric()) {
            BigDecimal number = new BigDecimal(value.toString());
            if (c.min() != null && number.compareTo(c.min()) < 0 || c.max() != null && number.compareTo(c.max()) > 0) {
                found.add(new Violation(RejectReason.OUT_OF_RANGE, field));
            }
        }
        String text = value.toString();
        if (c.pattern() != null && !c.compiledPattern().matcher(text).matches()) {
            found.add(new Violation(RejectReason.PATTERN_MISMATCH, field));
        }
        if (c.maxLength() != null && text.length() > c.maxLength()) {
            found.add(new Violation(RejectReason.TOO_LONG, field));
        }
        if (c.namedSet() != null && !NamedSets.values(c.namedSet()).contains(text) || c.in() != null && !c.in().contains(text)) {
            found.add(new Violation(RejectReason.NOT_IN_SET, field));
        }
        return found;
    }

    private static boolean inside(long micros, LocalDate partition) {
        long start = OrderLines.dayStartMicros(partition);
        return micros >= start && micros < start + OrderLines.MICROS_PER_DAY;
    }
}
