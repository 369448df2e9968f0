package io.offstream.tests.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deployable's image tarball (target/jib-image.tar of the profile images): each Spring Boot
 * app of the repo has one, named as the Kubernetes manifests pull it, starting its own main class
 * as a non-root user, listening on the port its app is configured with, and carrying the engine
 * jobs (Spark, Flink) its task runs, so a task never looks for them in a checkout.
 */
class ImageTarballsTests {

    private static final Path ROOT = Path.of(System.getProperty("offstream.repo.root", "../.."));
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
    static List<String> deployables() throws IOException {
        return modules().filter(module -> pom(module).contains("<jib.skip>false</jib.skip>")).sorted().toList();
    }

    @Test
    void everySpringBootAppOutsideTheTestsHasAnImage() throws IOException {
        List<String> bootApps = modules().filter(module -> !module.startsWith("tests/"))
                .filter(module -> !pom(module).contains("<packaging>pom</packaging>"))
                .filter(module -> pom(module).contains("<artifactId>spring-boot-maven-plugin</artifactId>")).sorted().toList();
        assertThat(deployables()).isNotEmpty().containsExactlyElementsOf(bootApps);
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void theImageStartsItsAppAsANonRootUserOnItsPort(String module) {
        ImageTarball image = images.get(module);
        String mainClass = property(module, "jib.container.mainClass");
        assertThat(image.name()).isEqualTo(property(module, "jib.to.image").replace("${project.version}", VERSION));
        assertThat(image.name()).isEqualTo("offstream/" + artifactId(module).substring("offstream-".length()) + ":" + VERSION);

        List<String> entrypoint = new ArrayList<>();
        image.config().path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).last().isEqualTo(mainClass);
        assertThat(image.files()).contains("app/classes/" + mainClass.replace('.', '/') + ".class");
        assertThat(image.files()).as("a java the entrypoint finds").anyMatch(file -> file.endsWith("bin/java"));
        assertThat(image.config().path("User").asText()).isEqualTo("1000:1000");

        Set<String> ports = new java.util.HashSet<>();
        image.config().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        String configured = pom(module).contains("<jib.container.ports>") ? property(module, "jib.container.ports") : null;
        assertThat(ports).isEqualTo(configured == null ? Set.of() : Set.of(configured + "/tcp"));
        if (configured != null) {
            assertThat(configured).as("the port %s's app listens on", module).isEqualTo(appPort(module));
        }
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void aTaskCarriesTheEngineJobsItRunsInsideItsImage(String module) {
        Matcher engine = ENGINE.matcher(pom(module));
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
        Properties apps = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("scdf-deploy/k8s/task-apps.properties"))) {
            apps.load(in);
        }
        assertThat(apps.values()).isNotEmpty().allSatisfy(uri -> assertThat(built).contains(((String) uri).substring("docker:".length())));
        assertThat(Files.readString(ROOT.resolve("scdf-deploy/k8s/control/dataflow-server.yaml")))
                .contains("uri: docker:" + image("tasks/composed-task-runner").name());
    }

    private static ImageTarball image(String module) {
        return images.get(module);
    }

    private static String appPort(String module) {
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        try {
            if (Files.exists(resources.resolve("application.properties"))) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(resources.resolve("application.properties"))) {
                    properties.load(in);
                }
                return properties.getProperty("server.port");
            }
            Matcher port = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port:\\s*(\\d+)").matcher(Files.readString(resources.resolve("application.yml")));
            return port.find() ? port.group(1) : null;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String> modules() throws IOException {
        // modules sit at most three folders down (tests/test-apps/probe-task/pom.xml)
        try (Stream<Path> poms = Files.find(ROOT, 4, (p, a) -> p.getFileName().toString().equals("pom.xml"))) {
            return poms.map(pom -> ROOT.relativize(pom.getParent()).toString()).filter(module -> !module.isEmpty())
                    .filter(module -> !module.contains("target") && !module.startsWith(".")).toList().stream();
        }
    }

    private static String property(String module, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom(module));
        assertThat(m.find()).as("%s/pom.xml sets %s", module, name).isTrue();
        return m.group(1).strip();
    }

    private static String artifactId(String module) {
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom(module).replaceFirst("(?s)<parent>.*?</parent>", ""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String pom(String module) {
        try {
            return Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
