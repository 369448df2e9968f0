package io.offstream.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class RunReportsTests {

    @TempDir
    Path landing;

    private final RecordingConsole out = new RecordingConsole();

    private RunReports reports() {
        return new RunReports(landing, out.console, new ObjectMapper());
    }

    static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aPassedReportIsPrintedInFullWithWhereTheResultsAre() throws Exception {
        write(landing.resolve("risk/_validation/run=r1/report.json"), "{\"runKey\":\"r1\",\"passed\":true,\"missing\":[\"k1\"]}");

        assertThat(reports().printValidation("risk", "r1")).isTrue();

        String root = landing.toString();
        assertThat(out.lines()).containsExactly(
                "[offstream] validation report of risk (" + root + "/risk/_validation/run=r1/report.json):",
                "{",
                "    \"runKey\" : \"r1\",",
                "    \"passed\" : true,",
                "    \"missing\" : [",
                "        \"k1\"",
                "    ]",
                "}",
                "[offstream] run report of risk: " + root + "/risk/_report/run=r1/index.html",
                "[offstream] landed results of risk: " + root + "/risk/run=r1/ (query them: scdf-deploy/local/sql.sh "
                        + "\"SELECT dt, count(*) FROM risk WHERE run = 'r1' GROUP BY dt\")");
    }

    @Test
    void aFailedOrMissingReportDoesNotPass() throws Exception {
        write(landing.resolve("risk/_validation/run=r1/report.json"), "{\"passed\":false}");

        assertThat(reports().printValidation("risk", "r1")).isFalse();
        assertThat(reports().printValidation("risk-candidate", "r1")).isFalse();
        assertThat(out.lines()).contains("[offstream] no validation report at " + landing + "/risk-candidate/_validation/run=r1/report.json: "
                + "the run stopped before validating risk-candidate (see the dashboard's task executions)",
                "[offstream] landed results of risk-candidate: " + landing + "/risk-candidate/run=r1/ (query them: scdf-deploy/local/sql.sh "
                        + "\"SELECT dt, count(*) FROM risk_candidate WHERE run = 'r1' GROUP BY dt\")");
    }

    @Test
    void aChildRunIsOneLine() throws Exception {
        write(landing.resolve("risk/_validation/run=r1-c1of2/report.json"), """
                {"runKey":"r1-c1of2","passed":true,"sourceRows":4000,"landedDistinct":3960,"rejectedRows":40,"deadLettered":0}""");

        assertThat(reports().printChildValidation("risk", "r1-c1of2")).isTrue();
        assertThat(reports().printChildValidation("risk", "r1-c2of2")).isFalse();
        assertThat(out.lines()).containsExactly("[offstream]   r1-c1of2: PASSED, source 4000, landed 3960, rejected 40, dead-lettered 0");
    }

    @Test
    void aDiffNamesItsCountsAndTheMostChangedFields() throws Exception {
        write(landing.resolve("risk/_diff/run=r1/summary.json"), """
                {"identical":90,"changed":10,"onlyA":1,"onlyB":2,"fields":{"score":4,"reason":0,"band":10,"flag":4}}""");

        assertThat(reports().printDiff("risk", "risk-candidate", "r1")).isTrue();

        String diff = landing + "/risk/_diff/run=r1/";
        assertThat(out.lines()).containsExactly(
                "[offstream] risk against risk-candidate (" + diff + "summary.json):",
                "[offstream]   identical 90, changed 10, only in risk 1, only in risk-candidate 2",
                "[offstream]   changed keys per field: band 10, score 4, flag 4",
                "[offstream]   changed rows (Parquet, both values of each field): " + diff + "changed/");
    }

    @Test
    void noDiffFails() {
        assertThat(reports().printDiff("risk", "risk-candidate", "r1")).isFalse();
        assertThat(out.lines()).singleElement().asString().startsWith("[offstream] no diff at ");
    }
}
