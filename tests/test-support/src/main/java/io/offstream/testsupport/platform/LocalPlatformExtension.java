package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.offstream.testsupport.RepositoryLayout;

/**
 * Gives tests a {@link LocalPlatform} parameter. The platform is started on first use and kept in
 * the root extension store, so all test classes of one JVM share it; JUnit closes it (it is
 * {@link AutoCloseable}) when the root context ends.
 * Its files (logs, Kafka data, H2) go to {@code target/platform-it/} of the running module.
 * A module gives the server more arguments (e.g. platform accounts) in the system property
 * {@value #SERVER_ARGUMENTS}, separated by whitespace.
 */
public class LocalPlatformExtension implements ParameterResolver {

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

    private static LocalPlatform startPlatform() {
        Path workDir = Path.of("target", "platform-it", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
        String extra = System.getProperty(SERVER_ARGUMENTS, "").trim();
        List<String> arguments = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        return LocalPlatform.start(RepositoryLayout.locate(), workDir, arguments);
    }
}
