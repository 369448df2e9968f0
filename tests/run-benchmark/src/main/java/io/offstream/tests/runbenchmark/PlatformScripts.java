package io.offstream.tests.runbenchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local platform's own scripts under {@code scdf-deploy/local}: the benchmark starts the
 * platform and runs each size exactly as a user would, rather than re-doing what they do.
 */
public final class PlatformScripts {

    private final Path scriptsDirectory;

    private final ScriptProcess scripts;

    public PlatformScripts(Path repositoryRoot, ScriptProcess scripts) {
        this.scriptsDirectory = repositoryRoot.resolve("scdf-deploy/local");
        this.scripts = scripts;
    }

    /** SCDF's URL as the scripts see it: read from lib.sh, so it cannot drift from run-demo.sh's. */
    public URI scdfUrl() throws InterruptedException {
        String script = "source \"$1\" >/dev/null && printf '%s' \"$SCDF_URL\"";
        try {
            Process process = new ProcessBuilder("bash", "-c", script, "lib", scriptsDirectory.resolve("lib.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || url.isEmpty()) {
                throw new IllegalStateException("Cannot read SCDF_URL from " + scriptsDirectory.resolve("lib.sh"));
            }
            return URI.create(url.endsWith("/") ? url : url + "/");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code up.sh}: starts what is not running yet (building it on first use); harmless when all is up. */
    public ScriptProcess.Outcome up(Path log) throws InterruptedException {
        return scripts.run(List.of(scriptsDirectory.resolve("up.sh").toString()), log, Duration.ofMinutes(30));
    }

    /**
     * {@code run-demo.sh} over a warehouse already written: launches offstream-run, follows it and
     * exits 0 only if validation passed. Allowed a little longer than its own timeout, so that it
     * is the script that reports a run that took too long.
     */
    public ScriptProcess.Outcome runDemo(DemoRequest request, Path log) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(scriptsDirectory.resolve("run-demo.sh").toString()));
        command.addAll(request.arguments());
        return scripts.run(command, log, Duration.ofMinutes(request.timeoutMinutes() + 10L));
    }
}
