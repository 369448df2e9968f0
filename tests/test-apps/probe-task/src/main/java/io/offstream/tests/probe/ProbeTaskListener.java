package io.offstream.tests.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/** Records what the run received and sets the configured exit message. */
@Component
class ProbeTaskListener implements TaskExecutionListener {

    private final ProbeProperties probe;

    private final ConfigurableEnvironment environment;

    private final ApplicationArguments arguments;

    ProbeTaskListener(ProbeProperties probe, ConfigurableEnvironment environment, ApplicationArguments arguments) {
        this.probe = probe;
        this.environment = environment;
        this.arguments = arguments;
    }

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
        if (probe.recordDir() == null) {
            return;
        }
        Properties received = new Properties();
        TreeMap<String, String> seen = new TreeMap<>();
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> java.util.Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> name.startsWith("probe.") || name.startsWith("offstream."))
                .forEach(name -> seen.putIfAbsent(name, environment.getProperty(name)));
        received.putAll(seen);
        received.setProperty("_args", String.join(" ", arguments.getSourceArgs()));
        received.setProperty("_parentExecutionId", String.valueOf(taskExecution.getParentExecutionId()));
        Path file = Path.of(probe.recordDir(), taskExecution.getTaskName() + "-" + taskExecution.getExecutionId() + ".properties");
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file)) {
                received.store(out, "received by " + taskExecution.getTaskName());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onTaskEnd(TaskExecution taskExecution) {
        if (probe.exitMessage() != null && taskExecution.getExitCode() != null && taskExecution.getExitCode() == 0) {
            taskExecution.setExitMessage(probe.exitMessage());
        }
    }

    @Override
    public void onTaskFailed(TaskExecution taskExecution, Throwable throwable) {
    }
}
