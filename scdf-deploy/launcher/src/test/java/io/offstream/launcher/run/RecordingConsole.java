package io.offstream.launcher.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.offstream.launcher.Console;

/** A real {@link Console} over in-memory streams, read back as lines. */
final class RecordingConsole {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
