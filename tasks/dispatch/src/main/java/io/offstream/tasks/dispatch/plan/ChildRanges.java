package io.offstream.tasks.dispatch.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits [from, to] into contiguous child ranges: N of them as even as whole days allow (the
 * first ones take the extra day), or ranges of a given number of days (the last may be shorter).
 */
public final class ChildRanges {

    private ChildRanges() {
    }

    /** A child's days, inclusive. */
    public record Range(LocalDate from, LocalDate to) {
    }

    public static List<Range> intoChildren(LocalDate from, LocalDate to, int children) {
        int days = days(from, to);
        if (children < 1) {
            throw new IllegalArgumentException("offstream.dispatch.children must be at least 1, was " + children);
        }
        if (children > days) {
            throw new IllegalArgumentException("offstream.dispatch.children (" + children + ") is more than the run's "
                    + days + " day(s): a child takes at least one day");
        }
        List<Range> ranges = new ArrayList<>();
        LocalDate start = from;
        for (int i = 0; i < children; i++) {
            int size = days / children + (i < days % children ? 1 : 0);
            LocalDate end = start.plusDays(size - 1L);
            ranges.add(new Range(start, end));
            start = end.plusDays(1);
        }
        return ranges;
    }

    public static List<Range> ofDays(LocalDate from, LocalDate to, int daysPerChild) {
        if (daysPerChild < 1) {
            throw new IllegalArgumentException("offstream.dispatch.days-per-child must be at least 1, was " + daysPerChild);
        }
        List<Range> ranges = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(daysPerChild)) {
            LocalDate end = start.plusDays(daysPerChild - 1L);
            ranges.add(new Range(start, end.isAfter(to) ? to : end));
        }
        return ranges;
    }

    private static int days(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }
}
