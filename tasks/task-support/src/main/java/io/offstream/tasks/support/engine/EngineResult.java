package io.offstream.tasks.support.engine;

import java.time.Duration;
import java.util.List;

/** How an engine run ended: its exit code, how long it took, and its last output lines. */
public record EngineResult(int exitCode, Duration duration, List<String> lastLines) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
