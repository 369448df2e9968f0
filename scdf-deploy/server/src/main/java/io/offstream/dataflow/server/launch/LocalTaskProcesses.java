package io.offstream.dataflow.server.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

/**
 * The live process of a task execution on this host, found without asking the launcher: after a
 * server restart the local platform's launcher no longer knows the tasks the previous server
 * launched, though they may still run. SCDF's local deployer passes every task
 * {@code --spring.cloud.task.executionid=<id>} and starts it in a working directory named after its
 * launch id, which SCDF records as the execution's external id.
 * <p>
 * On Linux the command lines are read from {@code /proc/<pid>/cmdline}, whole
 * ({@link ProcessHandle.Info#arguments()} gives only the first page of a long one). Execution ids
 * are not unique on a host (another SCDF server, or this one's other schema target, counts its own),
 * so a process whose working directory can be read must also be in the launch's directory.
 * Elsewhere the command line from {@link ProcessHandle} alone decides.
 */
@Component
public class LocalTaskProcesses {

    /** The argument SCDF gives every task it launches, followed by the execution id. */
    static final String EXECUTION_ID_ARGUMENT = "--spring.cloud.task.executionid=";

    /** How Linux shows the working directory of a process once that directory is deleted. */
    private static final String DELETED = " (deleted)";

    private final Path proc;

    public LocalTaskProcesses() {
        this(Path.of("/proc"));
    }

    /** @param proc the proc file system; when it is not a directory, processes are listed through {@link ProcessHandle} */
    LocalTaskProcesses(Path proc) {
        this.proc = proc;
    }

    /**
     * The id of a live process on this host that runs the task execution.
     *
     * @param executionId         the task execution's id, as SCDF passed it on the command line
     * @param externalExecutionId the launch id the local launcher returned (the name of the task's
     *                            working directory), or {@code null} to match on the command line alone
     */
    public OptionalLong find(long executionId, String externalExecutionId) {
        String argument = EXECUTION_ID_ARGUMENT + executionId;
        if (!Files.isDirectory(proc)) {
            return ProcessHandle.allProcesses()
                    .filter(process -> process.info().arguments().map(Arrays::asList).orElse(List.of()).contains(argument))
                    .mapToLong(ProcessHandle::pid)
                    .findFirst();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, LocalTaskProcesses::isPid)) {
            for (Path process : processes) {
                if (arguments(process).contains(argument) && inLaunchDirectory(process, externalExecutionId)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        catch (IOException e) {
            // the proc file system could not be listed: no process is known to run
        }
        return OptionalLong.empty();
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** The process's arguments, NUL-separated in its cmdline; none when it has exited or is a zombie. */
    private static List<String> arguments(Path process) {
        try {
            String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            return Arrays.asList(cmdline.split("\0"));
        }
        catch (IOException e) {
            return List.of();
        }
    }

    /** Whether the process runs in the launch's working directory, or where it runs cannot be told. */
    private static boolean inLaunchDirectory(Path process, String externalExecutionId) {
        if (externalExecutionId == null) {
            return true;
        }
        Path cwd;
        try {
            cwd = Files.readSymbolicLink(process.resolve("cwd"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return true;
        }
        String name = cwd.getFileName() == null ? "" : cwd.getFileName().toString();
        if (name.endsWith(DELETED)) {
            // the deployer's work directories may be deleted when the server that made them exits
            name = name.substring(0, name.length() - DELETED.length());
        }
        return name.equals(externalExecutionId);
    }
}
