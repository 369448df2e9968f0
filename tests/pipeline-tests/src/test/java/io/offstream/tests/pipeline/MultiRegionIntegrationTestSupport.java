package io.offstream.tests.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.offstream.registry.client.Dispatch;
import io.offstream.registry.client.RegionRegistryClient;
import io.offstream.registry.client.RegionSpec;
import io.offstream.testsupport.dataflow.DataFlowException;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.RegionRegistryProcess;

/**
 * The multi-region setting: the platform's SCDF server has three local platform accounts (see
 * this module's pom: region-a 3 tasks, region-b 2, region-c 6 with a launcher that cannot start
 * anything), the region registry runs as a process knowing them, and {@code offstream-dispatch}
 * is registered and launched as users do, from composed-definitions/offstream-multi-region.task.
 */
abstract class MultiRegionIntegrationTestSupport extends PipelineIntegrationTestSupport {

    static RegionRegistryProcess registryProcess;

    static RegionRegistryClient registry;

    @BeforeAll
    static void startTheRegistry(LocalPlatform platform) {
        registryProcess = RegionRegistryProcess.start(platform.layout(), platform.workDir(), platform.dataflowServer());
        registry = registryProcess.client();
        String scdf = platform.dataflowServer().uri().toString();
        for (String region : List.of("region-a", "region-b", "region-c")) {
            registry.register(RegionSpec.fromScdf(region, scdf, region, platform.kafka().bootstrapServers()));
        }
    }

    @AfterAll
    static void stopTheRegistry() {
        if (registryProcess != null) {
            registryProcess.close();
        }
    }

    /** Enables exactly these regions. */
    void onlyRegions(String... enabled) {
        List<String> wanted = List.of(enabled);
        for (String region : List.of("region-a", "region-b", "region-c")) {
            registry.setEnabled(region, wanted.contains(region));
        }
    }

    /**
     * Registers offstream-dispatch, loads {@code offstream-run} (what the dispatcher copies to each
     * region) unless it is there, and creates a definition with the DSL of offstream-multi-region.task.
     */
    String multiRegionDefinition() throws IOException {
        dataflow.registerTaskApp("offstream-dispatch", platform.layout().appJar("tasks/dispatch", "offstream-dispatch-*.jar").toUri());
        try {
            dataflow.get("/tasks/definitions/offstream-run");
        }
        catch (DataFlowException missing) {
            dataflow.createTaskDefinition("offstream-run", definitionFile("offstream-run"));
        }
        String definition = "multi-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(definition, definitionFile("offstream-multi-region"));
        return definition;
    }

    private String definitionFile(String name) throws IOException {
        return Files.readAllLines(platform.layout().root().resolve("composed-definitions/" + name + ".task")).stream()
                .filter(line -> !line.isBlank() && !line.trim().startsWith("#")).reduce("", (a, b) -> a + " " + b).trim();
    }

    /** The dispatch's arguments for a run over the registry of this test. */
    List<String> dispatchArguments(String runKey, Path dataset, java.time.LocalDate from, java.time.LocalDate to, int children) {
        return new ArrayList<>(List.of(
                "--offstream.run.dataset=" + dataset.toUri(),
                "--offstream.run.from=" + from,
                "--offstream.run.to=" + to,
                "--offstream.run.service=" + SERVICE,
                "--offstream.run.key=" + runKey,
                "--offstream.run.landing=" + landing(),
                "--offstream.services.location=" + catalogue().toUri(),
                "--offstream.dispatch.registry-url=" + registryProcess.uri(),
                // the registry's password as the local platform hands it: a config tree, not an argument
                "--spring.config.import=optional:configtree:" + registryProcess.clientConfigTree("offstream.security.password") + "/",
                "--offstream.dispatch.children=" + children,
                "--offstream.dispatch.poll-interval=1s"));
    }

    /**
     * Registers the probe task and creates a composed template of two probes, for dispatches whose
     * children are probes (seconds each, no data) rather than offstream-run.
     */
    String probeChildDefinition() {
        dataflow.registerTaskApp("probe", platform.layout().appJar("tests/test-apps/probe-task", "offstream-probe-task-*.jar").toUri());
        String template = "probes-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(template, "first: probe && second: probe");
        return template;
    }

    /** Dispatch arguments for probe children: no validation, and every child given these {@code probe.*} options. */
    List<String> probeDispatchArguments(String runKey, String template, java.time.LocalDate from, java.time.LocalDate to,
            int children, Map<String, Path> probeOptions) {
        List<String> arguments = dispatchArguments(runKey, scratch.resolve("no-warehouse"), from, to, children);
        arguments.add("--offstream.dispatch.child-definition=" + template);
        arguments.add("--offstream.dispatch.require-validation=false");
        probeOptions.forEach((option, path) ->
                arguments.add("--offstream.dispatch.child-properties[app.*.probe." + option + "]=" + path));
        return arguments;
    }

    /** The registry's dispatch of a child run, if it has one. */
    Optional<Dispatch> childDispatch(String runKey, String childKey) {
        return registry.dispatches(runKey).stream().filter(d -> d.childKey().equals(childKey)).findFirst();
    }

    /** The ledger's rows for the children of a dispatch, each as column name to value, in child order. */
    List<Map<String, Object>> ledgerChildren(String runKey) throws SQLException {
        return query("SELECT * FROM OFFSTREAM_DISPATCH_CHILD WHERE RUN_KEY = ? ORDER BY CHILD_INDEX", runKey);
    }

    Map<String, Object> ledgerDispatch(String runKey) throws SQLException {
        return query("SELECT * FROM OFFSTREAM_DISPATCH WHERE RUN_KEY = ?", runKey).get(0);
    }

    List<String> ledgerEvents(String runKey) throws SQLException {
        return query("SELECT MESSAGE FROM OFFSTREAM_RUN_EVENT WHERE RUN_KEY = ? AND PHASE = 'DISPATCH' ORDER BY EVENT_ID", runKey)
                .stream().map(row -> String.valueOf(row.get("MESSAGE"))).toList();
    }

    /** Changes the ledger behind the dispatcher's back, as a crash at the wrong moment would leave it. */
    void ledgerUpdate(String sql, String runKey) throws SQLException {
        try (Connection connection = platform.dataflowServer().openDatabase();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, runKey);
            statement.executeUpdate();
        }
    }

    private List<Map<String, Object>> query(String sql, String runKey) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = platform.dataflowServer().openDatabase();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, runKey);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        // H2 names unquoted columns in upper case, PostgreSQL in lower case
                        row.put(result.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
