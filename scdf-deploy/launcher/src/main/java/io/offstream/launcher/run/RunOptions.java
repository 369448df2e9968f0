package io.offstream.launcher.run;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.offstream.launcher.LauncherException;

/**
 * The options of {@code run} (run-demo.sh), with the script's names and defaults.
 *
 * @param datasetPath a warehouse of the user's own; empty: a sample is generated
 * @param candidate a simulation's second version; empty: {@code <service>-candidate}
 * @param rejectBudget {@code --max-rejected-fraction}; empty: what the sample plants, or the default
 * @param cluster {@code --cluster}: the platform's engine clusters (HDFS, Spark standalone, a Flink session) run the phases' jobs
 */
public record RunOptions(String service, Optional<String> datasetPath, int days, long rowsPerDay, double badRowFraction,
        String badRowFractionText, LocalDate startDate, String runKey, int timeoutMinutes, int children, boolean simulate,
        Optional<String> candidate, Optional<String> rejectBudget, String deadLetterBudget, boolean cluster, boolean help) {

    public static final String USAGE = """
            The main job: brings the local platform up if it is not, generates a sample warehouse, launches
            the offstream-run composed task through SCDF's REST API, follows it (phase, counts, rate, time
            left) and prints the validation report. Exit 0 only if validation passed.
            With --children N (N >= 2) it launches offstream-multi-region instead: the range is split into N
            child runs placed on the local regions by headroom (region registry), each validated.
            --service picks the catalogue entry (risk: the sample transactions; pricing: the sample orders);
            --dataset-path runs over a warehouse of your own (dt=YYYY-MM-DD folders) instead of a sample.
            --simulate launches offstream-simulate: the same snapshot through the service and a second version
            of it (--candidate, default <service>-candidate, e.g. risk-candidate), then a key-by-key diff.
            --cluster runs it on the local engine clusters (up.sh --cluster): the sample warehouse and the
            landing on HDFS, ingress on the Spark standalone master, egress on the Flink session cluster.

              run-demo.sh [--service risk|pricing|<yours>] [--dataset-path <path or URI>] [--days 7]
                          [--rows-per-day 30000] [--bad-row-fraction 0.01] [--start-date 2026-01-01]
                          [--run-key demo-...] [--timeout-minutes 60] [--children N]
                          [--simulate [--candidate <entry>]] [--cluster]
                          [--max-rejected-fraction F] [--max-dead-lettered-fraction F]   (validation budgets:
                          default 0.01 rejected, or what a sample plants; 0 dead-lettered)""";

    private static final DateTimeFormatter RUN_KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The last day of the range: {@code --days} days from {@code --start-date}. */
    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    /** The definition launched: offstream-run, offstream-multi-region (--children N) or offstream-simulate. */
    public String definition() {
        if (simulate) {
            return "offstream-simulate";
        }
        return children > 1 ? "offstream-multi-region" : "offstream-run";
    }

    /** The simulation's second version: {@code --candidate}, else {@code <service>-candidate}. */
    public String candidateService() {
        return candidate.orElse(service + "-candidate");
    }

    /**
     * Parses run-demo.sh's options.
     *
     * @param nowUtc the time the default run key ({@code demo-yyyyMMdd-HHmmss}) is made from
     * @throws LauncherException with a one-line reason for an unknown option, a missing or bad value
     */
    public static RunOptions parse(List<String> args, LocalDateTime nowUtc) {
        String service = "risk";
        String datasetPath = null;
        String days = "7";
        String rowsPerDay = "30000";
        String badRowFraction = "0.01";
        String startDate = "2026-01-01";
        String runKey = "demo-" + RUN_KEY_TIME.format(nowUtc);
        String timeoutMinutes = "60";
        String children = "1";
        boolean simulate = false;
        String candidate = null;
        String rejectBudget = null;
        String deadLetterBudget = "0";
        boolean cluster = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "-h", "--help" -> {
                    return new RunOptions(service, Optional.empty(), 7, 30000, 0.01, "0.01", LocalDate.of(2026, 1, 1), runKey, 60, 1,
                            false, Optional.empty(), Optional.empty(), "0", false, true);
                }
                case "--simulate" -> simulate = true;
                case "--cluster" -> cluster = true;
                case "--days" -> days = value(args, i++);
                case "--rows-per-day" -> rowsPerDay = value(args, i++);
                case "--bad-row-fraction" -> badRowFraction = value(args, i++);
                case "--start-date" -> startDate = value(args, i++);
                case "--run-key" -> runKey = value(args, i++);
                case "--timeout-minutes" -> timeoutMinutes = value(args, i++);
                case "--children" -> children = value(args, i++);
                case "--service" -> service = value(args, i++);
                case "--dataset-path" -> datasetPath = value(args, i++);
                case "--candidate" -> {
                    candidate = value(args, i++);
                    simulate = true;
                }
                case "--max-rejected-fraction" -> rejectBudget = value(args, i++);
                case "--max-dead-lettered-fraction" -> deadLetterBudget = value(args, i++);
                default -> throw new LauncherException("unknown option " + option + " (see --help)");
            }
        }
        if (rejectBudget != null) {
            requireBudget(rejectBudget);
        }
        requireBudget(deadLetterBudget);
        int childCount = positive("--children", children);
        if (simulate && childCount != 1) {
            throw new LauncherException("--simulate runs in one region: leave out --children");
        }
        if (simulate && runKey.startsWith("demo-")) {
            runKey = "sim-" + runKey.substring("demo-".length());
        }
        return new RunOptions(service, Optional.ofNullable(datasetPath), positive("--days", days),
                positiveLong("--rows-per-day", rowsPerDay), fraction("--bad-row-fraction", badRowFraction), badRowFraction,
                date(startDate), runKey, positive("--timeout-minutes", timeoutMinutes), childCount, simulate,
                Optional.ofNullable(candidate), Optional.ofNullable(rejectBudget), deadLetterBudget, cluster, false);
    }

    private static String value(List<String> args, int optionIndex) {
        if (optionIndex + 1 >= args.size()) {
            throw new LauncherException(args.get(optionIndex) + " needs a value (see --help)");
        }
        return args.get(optionIndex + 1);
    }

    /** A validation budget: a decimal fraction from 0 to 1, as run-demo.sh has always checked it. */
    private static void requireBudget(String budget) {
        if (!budget.matches("[0-9]*\\.?[0-9]+") || Double.parseDouble(budget) > 1) {
            throw new LauncherException("a validation budget is a fraction from 0 to 1, was '" + budget + "'");
        }
    }

    private static double fraction(String option, String value) {
        try {
            double fraction = Double.parseDouble(value);
            if (fraction >= 0 && fraction <= 1) {
                return fraction;
            }
        }
        catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new LauncherException(option + " is a fraction from 0 to 1, was '" + value + "'");
    }

    private static int positive(String option, String value) {
        long number = positiveLong(option, value);
        if (number > Integer.MAX_VALUE) {
            throw new LauncherException(option + " is too large, was '" + value + "'");
        }
        return (int) number;
    }

    private static long positiveLong(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new LauncherException(option + " is a whole number of at least 1, was '" + value + "'");
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new LauncherException("--start-date is a date like 2026-01-01, was '" + value + "'");
        }
    }
}
