package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.ProcFiles;

/**
 * Gives tests a {@link LocalPlatform} parameter. The platform is started on first use and kept in
 * the root extension store, so all test classes of one JVM share it; JUnit closes it (it is
 * {@link AutoCloseable}) when the root context ends.
 * Its files (logs, Kafka data, H2) go to {@code target/platform-it/} of the running module.
 * A module gives the server more arguments (e.g. platform accounts) in the system property
 * {@value #SERVER_ARGUMENTS}, separated by whitespace.
 *
 * <p>No test class leaves a process running: after each class, every process this JVM started since
 * the class began (a consumer, a task SCDF launched, an engine job), other than the shared broker and
 * server, must have ended within {@link #LEFTOVER_GRACE}; those that have not are killed and named in
 * the class's failure.
 */
public class LocalPlatformExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback {

    /** Long enough for a task that recorded its end to leave, and for a composed runner to stop. */
    static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

    public static final String SERVER_ARGUMENTS = "offstream.it.dataflow-server-arguments";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", key -> startPlatform(), LocalPlatform.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("running-before", runningDescendants());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NAMESPACE).getOrDefault("running-before", Set.class, Set.of());
        Set<Long> shared = new HashSet<>(before);
        LocalPlatform platform = context.getRoot().getStore(NAMESPACE).get("platform", LocalPlatform.class);
        if (platform != null) {
            shared.add(platform.kafka().process().pid());
            shared.add(platform.dataflowServer().process().pid());
        }
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        List<ProcessHandle> left = leftOver(shared);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            left = leftOver(shared);
        }
        if (!left.isEmpty()) {
            String named = left.stream().map(p -> p.pid() + " (" + commandLine(p) + ")").collect(Collectors.joining("; "));
            left.forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError(context.getDisplayName() + " left " + left.size() + " process(es) running " + LEFTOVER_GRACE.toSeconds()
                    + " s after its last test, now killed: " + named);
        }
    }

    private static List<ProcessHandle> leftOver(Set<Long> shared) {
        return ProcessHandle.current().descendants().filter(p -> p.isAlive() && !shared.contains(p.pid())).toList();
    }

    private static Set<Long> runningDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The start of a process's command line, for the failure message. */
    private static String commandLine(ProcessHandle process) {
        String line = String.join(" ", ProcFiles.commandLine(process));
        if (line.isEmpty()) {
            return process.info().commandLine().orElse("?");
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static LocalPlatform startPlatform() {
        Path workDir = Path.of("target", "platform-it", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        String extra = System.getProperty(SERVER_ARGUMENTS, "").trim();
        List<String> arguments = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        return LocalPlatform.start(RepositoryLayout.locate(), workDir, arguments);
    }
}
