package io.offstream.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.offstream.launcher.LauncherException;

class RunOptionsTests {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 9, 5, 7);

    @Test
    void defaultsAreRunDemosDefaults() {
        RunOptions options = RunOptions.parse(List.of(), NOW);

        assertThat(options.service()).isEqualTo("risk");
        assertThat(options.days()).isEqualTo(7);
        assertThat(options.rowsPerDay()).isEqualTo(30000);
        assertThat(options.badRowFraction()).isEqualTo(0.01);
        assertThat(options.startDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(options.endDate()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(options.runKey()).isEqualTo("demo-20261202-090507");
        assertThat(options.timeoutMinutes()).isEqualTo(60);
        assertThat(options.definition()).isEqualTo("offstream-run");
        assertThat(options.deadLetterBudget()).isEqualTo("0");
        assertThat(options.rejectBudget()).isEmpty();
        assertThat(options.datasetPath()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        RunOptions options = RunOptions.parse(List.of("--service", "pricing", "--dataset-path", "wh", "--days", "2", "--rows-per-day", "2000",
                "--bad-row-fraction", "0.05", "--start-date", "2026-03-30", "--run-key", "mine", "--timeout-minutes", "5", "--children", "3",
                "--max-rejected-fraction", "0.2", "--max-dead-lettered-fraction", ".5"), NOW);

        assertThat(options.service()).isEqualTo("pricing");
        assertThat(options.datasetPath()).contains("wh");
        assertThat(options.endDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(options.rowsPerDay()).isEqualTo(2000);
        assertThat(options.badRowFractionText()).isEqualTo("0.05");
        assertThat(options.runKey()).isEqualTo("mine");
        assertThat(options.timeoutMinutes()).isEqualTo(5);
        assertThat(options.definition()).isEqualTo("offstream-multi-region");
        assertThat(options.rejectBudget()).contains("0.2");
        assertThat(options.deadLetterBudget()).isEqualTo(".5");
    }

    @Test
    void simulationRenamesTheDefaultKeyAndNamesTheCandidate() {
        RunOptions options = RunOptions.parse(List.of("--simulate"), NOW);

        assertThat(options.definition()).isEqualTo("offstream-simulate");
        assertThat(options.runKey()).isEqualTo("sim-20261202-090507");
        assertThat(options.candidateService()).isEqualTo("risk-candidate");
    }

    @Test
    void aCandidateImpliesASimulation() {
        RunOptions options = RunOptions.parse(List.of("--candidate", "risk-next", "--run-key", "kept"), NOW);

        assertThat(options.simulate()).isTrue();
        assertThat(options.candidateService()).isEqualTo("risk-next");
        assertThat(options.runKey()).isEqualTo("kept");
    }

    @Test
    void helpWinsOverLaterOptions() {
        assertThat(RunOptions.parse(List.of("--help", "--bogus"), NOW).help()).isTrue();
        assertThat(RunOptions.USAGE).contains("--max-dead-lettered-fraction F");
    }

    @Test
    void refusesWhatRunDemoRefused() {
        assertRefused(List.of("--bogus"), "unknown option --bogus (see --help)");
        assertRefused(List.of("--max-rejected-fraction", "1.5"), "a validation budget is a fraction from 0 to 1, was '1.5'");
        assertRefused(List.of("--max-dead-lettered-fraction", "-0.1"), "a validation budget is a fraction from 0 to 1, was '-0.1'");
        assertRefused(List.of("--max-rejected-fraction", "1e-3"), "a validation budget is a fraction from 0 to 1, was '1e-3'");
        assertRefused(List.of("--simulate", "--children", "2"), "--simulate runs in one region: leave out --children");
    }

    @Test
    void refusesValuesItCannotUse() {
        assertRefused(List.of("--days"), "--days needs a value (see --help)");
        assertRefused(List.of("--days", "0"), "--days is a whole number of at least 1, was '0'");
        assertRefused(List.of("--rows-per-day", "many"), "--rows-per-day is a whole number of at least 1, was 'many'");
        assertRefused(List.of("--bad-row-fraction", "2"), "--bad-row-fraction is a fraction from 0 to 1, was '2'");
        assertRefused(List.of("--start-date", "2026-13-01"), "--start-date is a date like 2026-01-01, was '2026-13-01'");
    }

    private static void assertRefused(List<String> args, String message) {
        assertThatThrownBy(() -> RunOptions.parse(args, NOW)).isInstanceOf(LauncherException.class).hasMessage(message);
    }
}
