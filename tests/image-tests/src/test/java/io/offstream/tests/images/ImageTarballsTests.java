package io.offstream.tests.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.offstream.testsupport.RepositoryModules;

/**
 * Every deployable's image tarball (target/jib-image.tar of the profile images): each Spring Boot
 * app of the repo has one, named as the Kubernetes manifests pull it, starting its own main class
 * as a non-root user, listening on the port its app is configured with, and carrying the engine
 * jobs (Spark, Flink) its task runs, so a task never looks for them in a checkout.
 */
class ImageTarballsTests {

    private static final RepositoryModules MODULES = RepositoryModules.locate();
    private static final Path ROOT = MODULES.root();
    private static final String VERSION = System.getProperty("offstream.version", "0.1.0-SNAPSHOT");
    private static final Pattern ENGINE = Pattern.compile(
            "(?s)<outputDirectory>\\$\\{project.build.outputDirectory}/(offstream-engine/[^<]+)</outputDirectory>.*?<includes>(.*?)</includes>");
    private static final Pattern INCLUDE = Pattern.compile("<include>([^<*]+\\.jar)</include>");
    private static final Map<String, ImageTarball> images = new HashMap<>();

    @BeforeAll
    static void readImages() throws IOException {
        for (String module : deployables()) {
            Path tarball = ROOT.resolve(module).resolve("target/jib-image.tar");
            assertThat(tarball).as("image of %s (./mvnw -Pimages package)", module).exists();
            images.put(module, ImageTarball.read(tarball));
        }
    }

    /** Modules whose image the profile builds ({@code jib.skip=false}). */
    static List<String> deployables() {
        return MODULES.modules().stream().filter(module -> MODULES.pom(module).contains("<jib.skip>false</jib.skip>")).toList();
    }

    @Test
    void everySpringBootAppOutsideTheTestsHasAnImage() {
        assertThat(deployables()).isNotEmpty().containsExactlyElementsOf(MODULES.deployables());
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void theImageStartsItsAppAsANonRootUserOnItsPort(String module) {
        ImageTarball image = images.get(module);
        String mainClass = property(module, "jib.container.mainClass");
        assertThat(image.name()).isEqualTo(property(module, "jib.to.image").replace("${project.version}", VERSION));
        assertThat(image.name()).isEqualTo(RepositoryModules.imageOf(MODULES.artifactId(module)) + ":" + VERSION);

        List<String> entrypoint = new ArrayList<>();
        image.config().path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).last().isEqualTo(mainClass);
        assertThat(image.files()).contains("app/classes/" + mainClass.replace('.', '/') + ".class");
        assertThat(image.files()).as("a java the entrypoint finds").anyMatch(file -> file.endsWith("bin/java"));
        assertThat(image.config().path("User").asText()).isEqualTo("1000:1000");

        Set<String> ports = new java.util.HashSet<>();
        image.config().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        String configured = MODULES.pomProperty(module, "jib.container.ports");
        assertThat(ports).isEqualTo(configured == null ? Set.of() : Set.of(configured + "/tcp"));
        if (configured != null) {
            assertThat(configured).as("the port %s's app listens on", module).isEqualTo(MODULES.serverPort(module));
        }
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void aTaskCarriesTheEngineJobsItRunsInsideItsImage(String module) {
        Matcher engine = ENGINE.matcher(MODULES.pom(module));
        List<String> expected = new ArrayList<>();
        while (engine.find()) {
            Matcher include = INCLUDE.matcher(engine.group(2));
            while (include.find()) {
                expected.add("app/resources/" + engine.group(1) + "/" + include.group(1).replace("${project.version}", VERSION));
            }
        }
        assertThat(image(module).files()).containsAll(expected);
        if (module.equals("tasks/ingress") || module.equals("tasks/egress")) {
            assertThat(expected).as("the engine job of %s", module).isNotEmpty();
        }
    }

    @Test
    void theTaskAppsKubernetesRegistersAreImagesBuiltHere() throws IOException {
        Set<String> built = images.values().stream().map(ImageTarball::name).collect(Collectors.toSet());
        Properties apps = MODULES.properties("scdf-deploy/k8s/task-apps.properties");
        assertThat(apps.values()).isNotEmpty().allSatisfy(uri -> assertThat(built).contains(((String) uri).substring("docker:".length())));
        assertThat(Files.readString(ROOT.resolve("scdf-deploy/k8s/control/dataflow-server.yaml")))
                .contains("uri: docker:" + image("tasks/composed-task-runner").name());
    }

    private static ImageTarball image(String module) {
        return images.get(module);
    }

    private static String property(String module, String name) {
        String value = MODULES.pomProperty(module, name);
        assertThat(value).as("%s/pom.xml sets %s", module, name).isNotNull();
        return value;
    }
}
