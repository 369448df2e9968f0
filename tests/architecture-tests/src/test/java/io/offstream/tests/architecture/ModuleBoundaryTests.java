package io.offstream.tests.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries issue 19 asks the build to keep (see ../../ARCHITECTURE.md, "Module layout"). */
class ModuleBoundaryTests {

    /** The phase tasks SCDF launches; each stands alone, sharing only task-support and the run contract. */
    private static final List<String> PHASE_TASKS = List.of("tasks/plan", "tasks/ingress", "tasks/lag-wait", "tasks/egress",
            "tasks/validate", "tasks/dispatch", "tasks/diff");

    /**
     * Literals that only a topic name or a landing path contains: the run folder, the landing's
     * underscore folders, an ingress/egress/DLQ topic suffix, the topic and consumer group prefixes
     * joined to a value ({@code \u0001} is a concatenation's placeholder).
     */
    private static final Pattern RUN_CONTRACT_LITERAL = Pattern.compile(
            "(^|/)run=|(^|/)_(quarantine|staging|validation|report|diff)(/|$)|\u0001\\.(ingress|egress|dlq)$|^\\.(ingress|egress|dlq)$|^offstream[.-]\u0001");

    private final Modules modules = Modules.ofRepository();

    @Test
    void theSparkAndFlinkJobsImportNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the engine jobs run inside Spark and Flink, whose classpaths Spring must not join")
                .check(modules.importClasses("tasks/spark-ingress-job", "tasks/flink-egress-job"));
    }

    @Test
    void phaseTasksDoNotImportEachOther() {
        JavaClasses phases = modules.importClasses(PHASE_TASKS.toArray(String[]::new));
        for (String task : PHASE_TASKS) {
            for (String other : PHASE_TASKS) {
                if (!task.equals(other)) {
                    noClasses().that(modules.compiledIn(task)).should().dependOnClassesThat(modules.compiledIn(other))
                            .because("each phase task is its own deployable; what they share lives in task-support or the run contract")
                            .check(phases);
                }
            }
        }
    }

    @Test
    void theComposedRunnerDoesNotUseTaskSupport() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.offstream.tasks.support..")
                .because("the runner only orchestrates SCDF; the phases' ledger and engine code is not its business")
                .check(modules.importClasses("tasks/composed-task-runner"));
    }

    /**
     * A unit test ({@code *Tests}, surefire) starts no process and no broker: those are
     * {@code *IntegrationTests}, which failsafe runs in {@code verify}'s integration phase. Seen
     * from the test class itself (a process its code under test starts is not); the broker's
     * own tests of a start it refuses are unit tests.
     */
    @Test
    void unitTestsStartNoProcessesOrBrokers() {
        List<Path> testClasses = modules.modulesWithTests().stream().map(modules::testClasses).flatMap(java.util.Optional::stream).toList();
        assertThat(testClasses).as("compiled test classes").hasSizeGreaterThan(20);
        noClasses().that().haveSimpleNameEndingWith("Tests").and().haveSimpleNameNotEndingWith("IntegrationTests")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.offstream.testsupport.kafka..", "io.offstream.testsupport.platform..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.offstream.testsupport.process.JavaProcess")
                .because("*Tests run in the unit phase; what starts processes or a broker is an *IntegrationTests")
                .check(new com.tngtech.archunit.core.importer.ClassFileImporter().importPaths(testClasses));
    }

    @Test
    void onlyTheRunContractBuildsTopicNamesAndLandingPaths() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (String module : modules.productModules()) {
            if (module.equals("tasks/run-contract")) {
                continue;
            }
            Path classes = modules.classes(module);
            scanned.add(module);
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (String constant : StringConstants.of(in)) {
                            if (RUN_CONTRACT_LITERAL.matcher(constant).find()) {
                                found.add(module + ": " + classes.relativize(file) + " has \"" + constant.replace('\u0001', '*') + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("the modules scanned").contains("tasks/ingress", "tasks/egress", "stream-apps/service-consumer",
                "region-registry/registry-service", "scdf-deploy/server");
        assertThat(found).as("topic names and landing paths built outside tasks/run-contract (use RunTopics / RunLayout)").isEmpty();
    }
}
