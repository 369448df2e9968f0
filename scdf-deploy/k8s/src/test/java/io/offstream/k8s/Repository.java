package io.offstream.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the manifests must agree with, read from the checkout: its deployables, their ports, engine versions. */
final class Repository {

    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git", ".offstream");

    private final Path root;

    Repository(Path root) {
        this.root = root;
    }

    static Repository fromEnvironment() {
        String root = System.getProperty("offstream.repo.root");
        return new Repository(root == null ? Path.of("../..").toAbsolutePath().normalize() : Path.of(root));
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /**
     * The image of every deployable, by its module's artifactId: {@code offstream-plan} is built as
     * {@code offstream/plan}. A deployable is a module packaged as a Spring Boot application.
     */
    Set<String> deployableImages() {
        // modules sit at most three folders down (tests/test-apps/probe-task/pom.xml)
        try (Stream<Path> files = Files.find(root, 4, (p, attributes) -> p.getFileName().toString().equals("pom.xml"))) {
            return files.filter(p -> root.relativize(p).getNameCount() > 1)
                    .filter(p -> !isUnderIgnored(p))
                    .map(Repository::read)
                    .filter(pom -> pom.contains("<artifactId>spring-boot-maven-plugin</artifactId>"))
                    .map(Repository::artifactId)
                    .filter(id -> id.startsWith("offstream-"))
                    .map(Repository::imageOf)
                    .collect(Collectors.toSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The artifactId of the module in {@code folder}. */
    String artifactIdOf(String folder) {
        return artifactId(read(root.resolve(folder).resolve("pom.xml")));
    }

    static String imageOf(String artifactId) {
        return "offstream/" + artifactId.substring("offstream-".length());
    }

    /** A Maven property of a module's pom, e.g. flink.version. */
    String pomProperty(String folder, String property) {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(read(root.resolve(folder).resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException(folder + "/pom.xml has no " + property);
        }
        return m.group(1).strip();
    }

    /** A properties file, in file order. */
    Map<String, String> properties(String relative) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(root.resolve(relative))) {
            properties.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> ordered.put(k, properties.getProperty(k)));
        return ordered;
    }

    String text(String relative) {
        return read(root.resolve(relative));
    }

    private boolean isUnderIgnored(Path file) {
        for (Path part : root.relativize(file)) {
            if (NOT_SOURCES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String artifactId(String pom) {
        Matcher m = ARTIFACT_ID.matcher(PARENT.matcher(pom).replaceFirst(""));
        if (!m.find()) {
            throw new IllegalStateException("a pom without an artifactId");
        }
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
