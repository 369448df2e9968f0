package io.offstream.tests.composed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;
import io.offstream.testsupport.process.Await;

/**
 * What the composed task tests share: the platform (one SCDF server for all of them), the probe
 * task registered as {@code probe}, and reading back which children ran, when, with what.
 */
@ExtendWith(LocalPlatformExtension.class)
abstract class ComposedTaskIntegrationTestSupport {

    static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static final DateTimeFormatter SCDF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    LocalPlatform platform;

    DataFlowClient dataflow;

    /** A fresh folder for this test's probe records and marker files. */
    Path scratch;

    @BeforeEach
    void registerProbe(LocalPlatform platform) throws IOException {
        this.platform = platform;
        this.dataflow = platform.dataflow();
        dataflow.registerTaskApp("probe",
                platform.layout().appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toUri());
        scratch = Files.createDirectories(platform.workDir().resolve("scratch").resolve(UUID.randomUUID().toString()));
    }

    /** Creates a composed definition with a unique name; returns the name. */
    String createComposed(String prefix, String dsl) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(name, dsl);
        return name;
    }

    long launch(String name, Map<String, String> properties, List<String> arguments) {
        return dataflow.launchTask(name, properties, arguments);
    }

    JsonNode awaitEnd(long executionId) {
        return dataflow.awaitTaskEnd(executionId, RUN_TIMEOUT);
    }

    /** The child task executions launched under a runner execution, oldest first. */
    List<JsonNode> childrenOf(long parentExecutionId) {
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode execution : dataflow.get("/tasks/executions?size=1000").at("/_embedded/taskExecutionResourceList")) {
            if (execution.path("parentExecutionId").asLong(-1) == parentExecutionId) {
                children.add(execution);
            }
        }
        children.sort(Comparator.comparingLong(execution -> execution.path("executionId").asLong()));
        return children;
    }

    /** The child task executions whose task name is {@code <composed>-<label>}, across all runs. */
    List<JsonNode> executionsOf(String composedName, String label) {
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode execution : dataflow.get("/tasks/executions?size=1000").at("/_embedded/taskExecutionResourceList")) {
            if (execution.path("taskName").asText().equals(composedName + "-" + label)) {
                runs.add(execution);
            }
        }
        runs.sort(Comparator.comparingLong(execution -> execution.path("executionId").asLong()));
        return runs;
    }

    /** The first execution of the child {@code <composed>-<label>}, once SCDF has one. */
    JsonNode awaitChildStarted(String composedName, String label) {
        List<JsonNode> runs = new ArrayList<>();
        Await.until(RUN_TIMEOUT, () -> {
            runs.addAll(executionsOf(composedName, label));
            return !runs.isEmpty();
        });
        return runs.get(0);
    }

    List<String> taskNames(List<JsonNode> executions) {
        return executions.stream().map(execution -> execution.path("taskName").asText()).toList();
    }

    JsonNode onlyJobOf(JsonNode runnerExecution) {
        List<JsonNode> jobs = dataflow.jobExecutionsOf(runnerExecution);
        if (jobs.size() != 1) {
            throw new AssertionError("Expected one job execution for " + runnerExecution + " but found " + jobs);
        }
        return jobs.get(0);
    }

    static OffsetDateTime startOf(JsonNode execution) {
        return OffsetDateTime.parse(execution.path("startTime").asText(), SCDF_TIME);
    }

    static OffsetDateTime endOf(JsonNode execution) {
        return OffsetDateTime.parse(execution.path("endTime").asText(), SCDF_TIME);
    }

    /** What a probe run recorded (its probe.* properties and {@code _args}), by task execution id. */
    Properties recordOf(JsonNode execution) {
        Path file = scratch.resolve("records")
                .resolve(execution.path("taskName").asText() + "-" + execution.path("executionId").asLong() + ".properties");
        Properties record = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            record.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("No probe record " + file, e);
        }
        return record;
    }

    /** Makes every child record what it received under {@link #scratch}. */
    Map<String, String> recording() {
        return Map.of("app.*.probe.record-dir", scratch.resolve("records").toString());
    }
}
