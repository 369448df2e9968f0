package io.offstream.dataflow.server.schedule;

import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronExpressionsTests {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "* * * * *            | 0 * * * * ?",
            "*/1 * * * *          | 0 * * * * ?",
            "*/15 9-17 * * 1-5    | 0 0/15 9-17 ? * 2,3,4,5,6",
            "0 6 * * 0            | 0 0 6 ? * 1",
            "0 6 * * 7            | 0 0 6 ? * 1",
            "0 6 * * 5-7          | 0 0 6 ? * 1,6,7",
            "0 6 * * */2          | 0 0 6 ? * 1,3,5,7",
            "0 6 * * mon-FRI      | 0 0 6 ? * 2,3,4,5,6",
            "30 2 1 * *           | 0 30 2 1 * ?",
            "0 0 1 JAN *          | 0 0 0 1 1 ?",
            "0 0 1-31/2 * ?       | 0 0 0 1-31/2 * ?",
            "5,35 0-23/6 * */3 *  | 0 5,35 0-23/6 * 1/3 ?",
            "@daily               | 0 0 0 * * ?",
            "@weekly              | 0 0 0 ? * 1",
            "@hourly              | 0 0 * * * ?",
            "*/5 * * * * ?        | */5 * * * * ?",
            "0 0 12 * * *         | 0 0 12 * * ?",
            "0 15 10 ? * MON-FRI  | 0 15 10 ? * MON-FRI",
            "0 0 12 ? * WED 2099  | 0 0 12 ? * WED 2099" })
    void convertsUnixCronAndKeepsQuartzCron(String given, String quartz) {
        assertThat(CronExpressions.toQuartz(given, UTC)).isEqualTo(quartz);
    }

    /** Spring's cron reads Unix days of the week (0 or 7 is Sunday) and fires as crontab would. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*/15 9-17 * * 1-5", "0 6 * * 0", "0 6 * * 7", "15 10 31 * *", "0 6 * * 5-7", "0 6 * * SAT,SUN", "30 2 1 * *",
            "10 4 */10 * *", "0 22 * * 1,3,5", "0 0 * 6-8 *" })
    void convertedExpressionsFireWhenUnixCronWould(String unix) throws ParseException {
        CronExpression quartz = new CronExpression(CronExpressions.toQuartz(unix, UTC));
        quartz.setTimeZone(UTC);
        org.springframework.scheduling.support.CronExpression unixReference =
                org.springframework.scheduling.support.CronExpression.parse("0 " + unix);

        LocalDateTime from = LocalDateTime.of(2026, 11, 20, 17, 50);
        assertThat(firings(quartz, from)).isEqualTo(firings(unixReference, from));
    }

    @Test
    void weekdayWorkingHoursResumeOnMonday() throws ParseException {
        CronExpression quartz = new CronExpression(CronExpressions.toQuartz("*/15 9-17 * * 1-5", UTC));
        quartz.setTimeZone(UTC);

        Date fridayEvening = Date.from(LocalDateTime.of(2026, 11, 20, 17, 50).toInstant(ZoneOffset.UTC));

        assertThat(quartz.getNextValidTimeAfter(fridayEvening).toInstant())
                .isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 0).toInstant(ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                  | A cron expression is required",
            "'   '               | A cron expression is required",
            "*/5 * * *           | expected 5 fields",
            "* * * * * * * *     | found 8 field(s)",
            "61 * * * *          | minute: '61' is out of range 0-59",
            "* 24 * * *          | hour: '24' is out of range 0-23",
            "* * 0 * *           | day-of-month: '0' is out of range 1-31",
            "* * * 13 *          | month: '13' is out of range 1-12 (or JAN-DEC)",
            "0 0 * * 8           | day-of-week: '8' is out of range 0-7 (or SUN-SAT)",
            "0 0 * * FUN         | day-of-week: value 'FUN' is not a number or a name",
            "*/0 * * * *         | minute: step '0' must be between 1 and 59",
            "5-2 * * * *         | minute: '5-2' is a descending range",
            "1,,2 * * * *        | minute: an empty item in the list",
            "0 0 1 * 1           | day-of-month '1' and day-of-week '1' are both restricted",
            "0 0 25 * * ?        | not a valid Quartz expression",
            "0 0 12 1 * MON      | not a valid Quartz expression",
            "0 0 0 30 2 ?        | it never fires" })
    void refusesInvalidExpressionsSayingWhatIsWrong(String given, String problem) {
        assertThatThrownBy(() -> CronExpressions.toQuartz(given, UTC))
                .isInstanceOf(InvalidCronExpressionException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void namesTheExpressionInTheMessage() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("61 * * * *", UTC))
                .hasMessage("Invalid cron expression '61 * * * *': minute: '61' is out of range 0-59");
    }

    private static List<LocalDateTime> firings(CronExpression cron, LocalDateTime from) {
        List<LocalDateTime> times = new ArrayList<>();
        Date next = Date.from(from.toInstant(ZoneOffset.UTC));
        for (int i = 0; i < 40; i++) {
            next = cron.getNextValidTimeAfter(next);
            times.add(LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC));
        }
        return times;
    }

    private static List<LocalDateTime> firings(org.springframework.scheduling.support.CronExpression cron,
            LocalDateTime from) {
        List<LocalDateTime> times = new ArrayList<>();
        LocalDateTime next = from;
        for (int i = 0; i < 40; i++) {
            next = cron.next(next);
            times.add(next);
        }
        return times;
    }
}
