package io.offstream.launcher;

/** A reason the launcher stops, as one line for the user; {@link Launcher} prints it and exits with {@link #exitCode()}. */
public class LauncherException extends RuntimeException {

    private final int exitCode;

    public LauncherException(String message) {
        this(message, 1);
    }

    public LauncherException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
