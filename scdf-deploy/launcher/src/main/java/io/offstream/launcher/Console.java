package io.offstream.launcher;

import java.io.PrintStream;

/** The launcher's output, in the scripts' form: progress lines prefixed {@code [offstream]} on stdout, errors on stderr. */
public final class Console {

    private final PrintStream out;

    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A progress line: {@code [offstream] <message>}. */
    public void say(String message) {
        out.println("[offstream] " + message);
        out.flush();
    }

    /** A line as it is (a report's JSON, a status row). */
    public void print(String text) {
        out.println(text);
        out.flush();
    }

    public void error(String message) {
        err.println("[offstream] ERROR: " + message);
        err.flush();
    }
}
