package io.offstream.launcher;

import java.io.IOException;
import java.nio.file.Path;

import io.offstream.launcher.run.PlatformStarter;

/**
 * Brings the platform up with {@code scdf-deploy/local/up.sh}, its output going straight to the
 * user's terminal, until {@code up} is the launcher's own: a failed up.sh has printed its reason,
 * so this only passes its exit code on.
 */
public final class ScriptPlatformStarter implements PlatformStarter {

    private final Path root;

    public ScriptPlatformStarter(Path root) {
        this.root = root;
    }

    @Override
    public void up() {
        try {
            Process process = new ProcessBuilder(root.resolve("scdf-deploy/local/up.sh").toString()).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new LauncherException(null, exit);
            }
        }
        catch (IOException e) {
            throw new LauncherException("cannot run scdf-deploy/local/up.sh: " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", 130);
        }
    }
}
