package io.offstream.tests.runbenchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark needs from run-demo.sh's progress lines: the composed task execution and the report. */
public record DemoOutput(OptionalLong runnerExecutionId, Optional<Path> validationReport) {

    private static final Pattern RUNNER = Pattern.compile("composed task execution (\\d+)");

    /** "validation report of risk (/path/report.json):", the side named since a simulation has two. */
    private static final Pattern REPORT = Pattern.compile("validation report(?: of \\S+)? \\((.+)\\):\\s*$");

    public static DemoOutput parse(List<String> progressLines) {
        OptionalLong runner = OptionalLong.empty();
        Optional<Path> report = Optional.empty();
        for (String line : progressLines) {
            Matcher m = RUNNER.matcher(line);
            if (runner.isEmpty() && m.find()) {
                runner = OptionalLong.of(Long.parseLong(m.group(1)));
            }
            m = REPORT.matcher(line);
            if (m.find()) {
                report = Optional.of(Path.of(m.group(1)));
            }
        }
        return new DemoOutput(runner, report);
    }
}
