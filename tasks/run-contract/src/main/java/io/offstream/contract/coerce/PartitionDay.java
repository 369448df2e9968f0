package io.offstream.contract.coerce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import io.offstream.contract.service.AvroTypes;

/**
 * The event-time check: a row of partition dt=D must have its event time within D's UTC day,
 * [D 00:00Z, D+1 00:00Z); a date event time must be D itself.
 */
final class PartitionDay {

    private PartitionDay() {
    }

    /** @param datum the coerced, non-null event-time value (days, epoch millis or micros) */
    static void check(String field, Object datum, Schema fieldSchema, LocalDate partitionDate) {
        Schema schema = AvroTypes.nonNull(fieldSchema);
        LogicalType type = schema.getLogicalType();
        if (type instanceof LogicalTypes.Date) {
            LocalDate date = LocalDate.ofEpochDay((Integer) datum);
            if (!date.equals(partitionDate)) {
                throw outside(field, date.toString(), partitionDate);
            }
            return;
        }
        long value = (Long) datum;
        boolean micros = type instanceof LogicalTypes.TimestampMicros || type instanceof LogicalTypes.LocalTimestampMicros;
        long start = partitionDate.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * (micros ? 1_000_000L : 1_000L);
        long end = partitionDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * (micros ? 1_000_000L : 1_000L);
        if (value < start || value >= end) {
            Instant instant = micros ? Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L)
                    : Instant.ofEpochMilli(value);
            throw outside(field, instant.toString(), partitionDate);
        }
    }

    private static ValueRejectedException outside(String field, String value, LocalDate partitionDate) {
        return new ValueRejectedException(RejectReason.EVENT_TIME_OUTSIDE_PARTITION, field, field + " " + value
                + " is outside partition dt=" + partitionDate);
    }
}
