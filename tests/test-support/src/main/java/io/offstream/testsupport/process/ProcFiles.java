package io.offstream.testsupport.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux's {@code /proc/<pid>/} says of a process, read whole: {@link ProcessHandle.Info#arguments()}
 * stops at the first page of a long command line (a task's class path), and has no environment.
 * Empty for a process that is gone, another user's, or on a system without {@code /proc}.
 */
public final class ProcFiles {

    private ProcFiles() {
    }

    /** The process's command line, the program first, each argument as given. */
    public static List<String> commandLine(ProcessHandle process) {
        String raw = read(process, "cmdline");
        return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    }

    /** The process's environment, one {@code NAME=value} per line. */
    public static String environment(ProcessHandle process) {
        return read(process, "environ").replace('\0', '\n');
    }

    private static String read(ProcessHandle process, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), file)), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
