package io.offstream.tasks.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a user sees when ingress is launched wrongly: its arguments are read when its job launches,
 * not while its context starts, so SCDF's task execution ends with the reason as its exit message
 * (it used to keep no end at all).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadLaunchIntegrationTests {

    @Test
    void badRunArgumentsEndTheTaskExecutionWithTheirLineAndNoJobExecution(CapturedOutput output) throws Exception {
        String ledger = ledger();

        Throwable failure = catchThrowable(() -> IngressTaskApplication.main(arguments(ledger, "--offstream.run.from=2024-13-01")));

        assertThat(failure).as("main throws, so the JVM exits with 1").isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START", "Invalid run arguments: offstream.run.from '2024-13-01' is not a date")
                .doesNotContain("\tat ", "Application run failed");
        try (Connection db = DriverManager.getConnection(ledger, "sa", "")) {
            assertThat(single(db, "SELECT EXIT_MESSAGE FROM TASK_EXECUTION")).startsWith("Invalid run arguments: offstream.run.from");
            assertThat(single(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo("0");
        }
    }

    @Test
    void aRunThatWasNeverPlannedEndsTheTaskExecutionSayingSo(CapturedOutput output) throws Exception {
        String ledger = ledger();

        Throwable failure = catchThrowable(() -> IngressTaskApplication.main(arguments(ledger, "--offstream.run.from=2024-03-01")));

        assertThat(failure).isNotNull();
        assertThat(output).contains("The task's job failed: Job offstreamIngressJob failed").doesNotContain("Application run failed");
        try (Connection db = DriverManager.getConnection(ledger, "sa", "")) {
            assertThat(single(db, "SELECT EXIT_MESSAGE FROM TASK_EXECUTION")).startsWith("job offstreamIngressJob failed: ")
                    .contains("is not planned: run offstream-plan with the same offstream.run.* arguments first");
            assertThat(single(db, "SELECT END_TIME IS NOT NULL FROM TASK_EXECUTION")).isEqualTo("TRUE");
            assertThat(single(db, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).isEqualTo("FAILED");
        }
    }

    /** An in-memory ledger kept after the task closes its context, to read what SCDF would show. */
    private static String ledger() {
        return "jdbc:h2:mem:ingress-bad-launch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static String[] arguments(String ledger, String from) {
        return new String[] {"--spring.datasource.url=" + ledger, "--spring.main.banner-mode=off",
                "--offstream.run.dataset=file:/tmp/nowhere", from, "--offstream.run.to=2024-03-02", "--offstream.run.service=risk"};
    }

    private static String single(Connection db, String query) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }
}
