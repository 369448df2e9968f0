package io.offstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Launcher(Map.of(), console).execute(List.of(args));
    }

    @Test
    void upRefusesAnOptionItDoesNotKnowInOneLineBeforeStartingAnything() {
        assertThat(execute("up", "--postgress")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("[offstream] ERROR: unknown option --postgress for up (options: --postgres, --cluster)");
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertThat(execute("upp")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command upp");
    }
}
