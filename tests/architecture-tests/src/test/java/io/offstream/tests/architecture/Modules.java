package io.offstream.tests.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The repository's modules as their compiled main classes ({@code <module>/target/classes}), read
 * by path: this module is built after all of them and depends on none.
 */
final class Modules {

    /** Where deployables live; tests/ holds test code and benchmarks, not the product. */
    private static final List<String> PRODUCT_FOLDERS = List.of("tasks", "stream-apps", "region-registry", "scdf-deploy");

    private final Path root;

    Modules(Path root) {
        this.root = root;
    }

    /** The repository root, seen from this module's folder (where Maven runs its tests). */
    static Modules ofRepository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tasks/run-contract")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return new Modules(dir);
            }
        }
        throw new IllegalStateException("No Offstream repository above " + here);
    }

    /** The compiled test classes of a module, when it has tests. */
    java.util.Optional<Path> testClasses(String module) {
        Path classes = root.resolve(module).resolve("target/test-classes");
        return Files.isDirectory(classes) ? java.util.Optional.of(classes) : java.util.Optional.empty();
    }

    /** Every module with Java tests, product and tests/ alike. */
    List<String> modulesWithTests() {
        List<String> modules = new ArrayList<>();
        for (String folder : List.of("schemas", "tasks", "stream-apps", "region-registry", "scdf-deploy", "tests")) {
            try (Stream<Path> found = Files.find(root.resolve(folder), 5, (p, a) -> p.endsWith("src/test/java"))) {
                found.map(p -> root.relativize(p.getParent().getParent().getParent()).toString()).sorted().forEach(modules::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modules;
    }

    /** The compiled main classes of one module, e.g. {@code tasks/plan}; fails if it is not built. */
    Path classes(String module) {
        Path classes = root.resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes.resolve("io/offstream"))) {
            throw new IllegalStateException(module + " has no compiled classes in " + classes
                    + ": build it first (./mvnw -DskipTests package)");
        }
        return classes;
    }

    JavaClasses importClasses(String... modules) {
        return new ClassFileImporter().importPaths(Stream.of(modules).map(this::classes).toList());
    }

    /** Every product module that compiles Java (those with src/main/java), e.g. {@code tasks/plan}. */
    List<String> productModules() {
        List<String> modules = new ArrayList<>();
        for (String folder : PRODUCT_FOLDERS) {
            try (Stream<Path> poms = Files.find(root.resolve(folder), 4, (p, a) -> p.endsWith("src/main/java"))) {
                poms.map(p -> root.relativize(p.getParent().getParent().getParent()).toString()).sorted().forEach(modules::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modules;
    }

    /** The classes compiled in one module, as a predicate over classes imported from several. */
    DescribedPredicate<JavaClass> compiledIn(String module) {
        Set<String> names;
        try (Stream<Path> files = Files.walk(classes(module))) {
            Path base = classes(module);
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> base.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .collect(Collectors.toSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DescribedPredicate.describe("compiled in " + module, c -> names.contains(c.getName()));
    }
}
