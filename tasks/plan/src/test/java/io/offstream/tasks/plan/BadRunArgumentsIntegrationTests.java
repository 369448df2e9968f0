package io.offstream.tasks.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a user sees when a phase task is launched with bad run arguments (task-support's failure
 * analyzer and exit message; plan resolves its arguments before the job, as every phase does):
 * one line naming each argument and its problem, what to pass, no stack trace, no job execution.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadRunArgumentsIntegrationTests {

    private static final String PROBLEMS = "Invalid run arguments: offstream.run.from '2024-13-01' is not a date (yyyy-MM-dd);"
            + " offstream.run.to 'x' is not a date (yyyy-MM-dd)";

    @Test
    void badRunArgumentsEndTheLaunchWithOneLineAndNoStackTraceBeforeAnyJobExecution(CapturedOutput output) throws Exception {
        // kept after the task closes its context, to read what SCDF would show
        String ledger = "jdbc:h2:mem:plan-bad-run-arguments;DB_CLOSE_DELAY=-1";

        Throwable failure = catchThrowable(() -> PlanTaskApplication.main(new String[] {"--spring.datasource.url=" + ledger,
                "--spring.main.banner-mode=off", "--offstream.run.dataset=file:/tmp/nowhere", "--offstream.run.from=2024-13-01",
                "--offstream.run.to=x", "--offstream.run.service=risk"}));

        assertThat(failure).as("main throws, so the JVM exits with 1").isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START", PROBLEMS, "Pass the run's arguments as --offstream.run.dataset=")
                .doesNotContain("\tat ", "Application run failed", "Caused by");
        try (Connection ledgerDb = DriverManager.getConnection(ledger, "sa", "")) {
            assertThat(single(ledgerDb, "SELECT EXIT_MESSAGE FROM TASK_EXECUTION")).isEqualTo(PROBLEMS);
            assertThat(single(ledgerDb, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo("0");
        }
    }

    private static String single(Connection db, String query) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }
}
