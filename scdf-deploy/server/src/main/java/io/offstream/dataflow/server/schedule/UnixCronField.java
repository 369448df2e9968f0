package io.offstream.dataflow.server.schedule;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One field of a 5-field Unix cron expression, checked and rewritten in Quartz's terms.
 *
 * <p>Quartz and Unix cron agree on minutes, hours, days of the month and months, but not on days
 * of the week: Unix counts 0-7 from Sunday (0 and 7 are both Sunday), Quartz 1-7 from Sunday.
 * Days of the week are therefore expanded and renumbered; the other fields keep their shape,
 * with names turned into numbers and {@code *}{@code /n} spelled as Quartz's {@code min/n}. Each
 * problem is reported with the field's name, so a user sees which part of the expression is wrong.
 */
enum UnixCronField {

    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;

    private final int min;

    private final int max;

    /** Names in order; the first name stands for {@link #min}. */
    private final List<String> names;

    UnixCronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    String label() {
        return label;
    }

    /** The field as Quartz writes it; fails with a message naming this field when it is invalid. */
    String toQuartz(String field) {
        if (this == DAY_OF_WEEK) {
            return quartzDaysOfWeek(field);
        }
        return List.of(field.split(",", -1)).stream().map(this::quartzItem).collect(Collectors.joining(","));
    }

    private String quartzItem(String item) {
        Item parsed = parse(item);
        if (parsed.star()) {
            return parsed.step() == 1 ? "*" : min + "/" + parsed.step();
        }
        if (parsed.step() > 1) {
            return parsed.from() + "-" + parsed.to() + "/" + parsed.step();
        }
        return parsed.from() == parsed.to() ? String.valueOf(parsed.from()) : parsed.from() + "-" + parsed.to();
    }

    /** Unix days (0-7, Sunday twice) as Quartz's sorted 1-7 list. */
    private String quartzDaysOfWeek(String field) {
        SortedSet<Integer> days = new TreeSet<>();
        for (String item : field.split(",", -1)) {
            Item parsed = parse(item);
            int from = parsed.star() ? 0 : parsed.from();
            int to = parsed.star() ? 6 : parsed.to();
            for (int day = from; day <= to; day += parsed.step()) {
                days.add(day % 7 + 1);
            }
        }
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Item parse(String item) {
        if (item.isEmpty()) {
            throw invalid("an empty item in the list");
        }
        String[] baseAndStep = item.split("/", -1);
        if (baseAndStep.length > 2) {
            throw invalid("'" + item + "' has more than one '/'");
        }
        int step = baseAndStep.length == 2 ? step(baseAndStep[1]) : 1;
        String base = baseAndStep[0];
        if (base.equals("*")) {
            return new Item(true, min, max, step);
        }
        String[] range = base.split("-", -1);
        if (range.length > 2) {
            throw invalid("'" + base + "' is not a value or a range");
        }
        int from = value(range[0]);
        int to = range.length == 2 ? value(range[1]) : baseAndStep.length == 2 ? max : from;
        if (from > to) {
            throw invalid("'" + base + "' is a descending range");
        }
        return new Item(false, from, to, step);
    }

    private int step(String text) {
        int step = number(text, "step");
        if (step < 1 || step > max) {
            throw invalid("step '" + text + "' must be between 1 and " + max);
        }
        return step;
    }

    private int value(String text) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return min + named;
        }
        int value = number(text, "value");
        if (value < min || value > max) {
            throw invalid("'" + text + "' is out of range " + min + "-" + max
                    + (names.isEmpty() ? "" : " (or " + names.get(0) + "-" + names.get(names.size() - 1) + ")"));
        }
        return value;
    }

    private int number(String text, String what) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw invalid(what + " '" + text + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
        return Integer.parseInt(text);
    }

    private InvalidCronExpressionException invalid(String problem) {
        return new InvalidCronExpressionException(label + ": " + problem);
    }

    /** A parsed list item: {@code *} or a range (a single value is a range of one), with a step. */
    private record Item(boolean star, int from, int to, int step) {
    }
}
