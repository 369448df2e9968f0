package io.offstream.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checkout's Maven modules as the deployment files must agree with them: which are deployables
 * (Spring Boot apps outside tests/), their images ({@code offstream-plan} is built as
 * {@code offstream/plan}), their poms' properties and the port each app listens on.
 */
public record RepositoryModules(Path root) {

    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git", ".offstream");
    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern YAML_SERVER_PORT = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port:\\s*(\\d+)");

    public static RepositoryModules locate() {
        return new RepositoryModules(RepositoryLayout.locate().root());
    }

    /** Every module folder, relative to the root (they sit at most three folders down). */
    public List<String> modules() {
        try (Stream<Path> poms = Files.find(root, 4, (p, a) -> p.getFileName().toString().equals("pom.xml"))) {
            return poms.map(pom -> root.relativize(pom.getParent())).filter(module -> module.getNameCount() > 0 && !module.toString().isEmpty())
                    .filter(module -> Stream.of(module.toString().split("/")).noneMatch(NOT_SOURCES::contains))
                    .map(Path::toString).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules packaged as Spring Boot apps, tests/ aside: what is deployed. */
    public List<String> deployables() {
        return modules().stream().filter(module -> !module.startsWith("tests/"))
                .filter(module -> !pom(module).contains("<packaging>pom</packaging>"))
                .filter(module -> pom(module).contains("<artifactId>spring-boot-maven-plugin</artifactId>")).toList();
    }

    /** The images of {@link #deployables()}, without tags. */
    public Set<String> deployableImages() {
        return deployables().stream().map(module -> imageOf(artifactId(module))).collect(Collectors.toSet());
    }

    public static String imageOf(String artifactId) {
        return "offstream/" + artifactId.substring("offstream-".length());
    }

    public String artifactId(String module) {
        Matcher m = ARTIFACT_ID.matcher(PARENT.matcher(pom(module)).replaceFirst(""));
        if (!m.find()) {
            throw new IllegalStateException(module + "/pom.xml has no artifactId");
        }
        return m.group(1);
    }

    /** A property the module's pom sets, e.g. flink.version; null when it sets none. */
    public String pomProperty(String module, String property) {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom(module));
        return m.find() ? m.group(1).strip() : null;
    }

    /** The app's {@code server.port}, from its application.properties or application.yml; null when neither sets one. */
    public String serverPort(String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        if (Files.exists(resources.resolve("application.properties"))) {
            return properties(root.relativize(resources.resolve("application.properties")).toString()).getProperty("server.port");
        }
        Matcher port = YAML_SERVER_PORT.matcher(text(root.relativize(resources.resolve("application.yml")).toString()));
        return port.find() ? port.group(1) : null;
    }

    public String pom(String module) {
        return text(module + "/pom.xml");
    }

    public Properties properties(String relative) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(relative))) {
            properties.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public String text(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
