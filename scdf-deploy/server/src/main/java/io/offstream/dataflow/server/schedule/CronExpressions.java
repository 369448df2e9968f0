package io.offstream.dataflow.server.schedule;

import java.text.ParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Turns the cron expressions users write into the form Quartz runs, or says what is wrong.
 *
 * <p>Users come with two dialects. SCDF's own docs, Kubernetes CronJobs and crontab use 5 fields
 * ({@code minute hour day-of-month month day-of-week}, and the {@code @daily}-style macros);
 * Quartz uses 6 or 7 ({@code second minute hour day-of-month month day-of-week [year]}) and
 * requires exactly one of the two day fields to be {@code ?}. The field count tells them apart:
 * 5 fields are converted (seconds {@code 0}, day-of-week renumbered, the unrestricted day field
 * becomes {@code ?}), 6-7 fields are taken as Quartz's own. Either way the result is parsed by
 * Quartz and must fire at least once in the future, so a schedule is never stored that could
 * not run.
 */
public final class CronExpressions {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final String FORMS = "expected 5 fields (minute hour day-of-month month day-of-week), "
            + "6-7 Quartz fields (second minute hour day-of-month month day-of-week [year]) or a macro such as @daily";

    private CronExpressions() {
    }

    /**
     * The Quartz form of a cron expression.
     *
     * @throws InvalidCronExpressionException naming the problem (and the field, where there is one)
     */
    public static String toQuartz(String expression, TimeZone timeZone) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidCronExpressionException("A cron expression is required: set the deployment property "
                    + ScheduleKeys.CRON_EXPRESSION + " (" + FORMS + ")");
        }
        String trimmed = expression.trim();
        String unix = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        String[] fields = unix.split("\\s+");
        String quartz;
        try {
            quartz = switch (fields.length) {
                case 5 -> fromUnix(fields);
                case 6, 7 -> fromQuartz(fields);
                default -> throw new InvalidCronExpressionException(FORMS + ", found " + fields.length + " field(s)");
            };
        }
        catch (InvalidCronExpressionException e) {
            throw new InvalidCronExpressionException("Invalid cron expression '" + trimmed + "': " + e.getMessage());
        }
        requireFutureFiring(trimmed, quartz, timeZone);
        return quartz;
    }

    private static String fromUnix(String[] fields) {
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        boolean anyDayOfMonth = isUnrestricted(dayOfMonth);
        boolean anyDayOfWeek = isUnrestricted(dayOfWeek);
        if (!anyDayOfMonth && !anyDayOfWeek) {
            throw new InvalidCronExpressionException("day-of-month '" + dayOfMonth + "' and day-of-week '" + dayOfWeek
                    + "' are both restricted; a schedule can restrict only one of them, set the other to '*'");
        }
        return String.join(" ", "0",
                UnixCronField.MINUTE.toQuartz(fields[0]),
                UnixCronField.HOUR.toQuartz(fields[1]),
                anyDayOfMonth ? (anyDayOfWeek ? "*" : "?") : UnixCronField.DAY_OF_MONTH.toQuartz(dayOfMonth),
                UnixCronField.MONTH.toQuartz(fields[3]),
                anyDayOfMonth && !anyDayOfWeek ? UnixCronField.DAY_OF_WEEK.toQuartz(dayOfWeek) : "?");
    }

    private static String fromQuartz(String[] fields) {
        // "*" in both day fields means "every day" in every dialect; Quartz wants one of them as "?".
        if (fields[3].equals("*") && fields[5].equals("*")) {
            fields[5] = "?";
        }
        String quartz = String.join(" ", fields);
        try {
            CronExpression.validateExpression(quartz);
        }
        catch (ParseException e) {
            throw new InvalidCronExpressionException("not a valid Quartz expression: " + e.getMessage());
        }
        return quartz;
    }

    private static boolean isUnrestricted(String dayField) {
        return dayField.equals("*") || dayField.equals("?");
    }

    private static void requireFutureFiring(String expression, String quartz, TimeZone timeZone) {
        try {
            CronExpression cron = new CronExpression(quartz);
            cron.setTimeZone(timeZone);
            if (cron.getNextValidTimeAfter(new Date()) == null) {
                throw new InvalidCronExpressionException("Invalid cron expression '" + expression
                        + "': it never fires (Quartz form '" + quartz + "')");
            }
        }
        catch (ParseException e) {
            throw new InvalidCronExpressionException("Invalid cron expression '" + expression + "': Quartz form '"
                    + quartz + "' is not valid: " + e.getMessage());
        }
    }
}
