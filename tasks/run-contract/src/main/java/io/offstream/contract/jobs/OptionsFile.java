package io.offstream.contract.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Job options that must not be on a command line, where {@code ps} shows them to every user of
 * the machine: Kafka client settings (a SASL JAAS config holds a password, a truststore setting its
 * password). The task writes them to a file only its user can read and names the file instead
 * ({@code --options-file=PATH}); the job's option parser reads them back as if they were arguments.
 */
public final class OptionsFile {

    public static final String OPTION = "--options-file=";

    private OptionsFile() {
    }

    /**
     * Moves every {@code --name=value} argument whose name starts with one of {@code prefixes} into
     * {@code file} (created anew, mode 0600) and returns the other arguments with {@code --options-file=file}.
     */
    public static List<String> externalize(List<String> args, Path file, String... prefixes) {
        Properties moved = new Properties();
        List<String> kept = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name != null && startsWithAny(name, prefixes)) {
                moved.setProperty(name, arg.substring(eq + 1));
            } else {
                kept.add(arg);
            }
        }
        if (moved.isEmpty()) {
            return kept;
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                moved.store(writer, "options of an engine job, kept off its command line");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job's options file " + file + ": " + e.getMessage(), e);
        }
        kept.add(OPTION + file.toAbsolutePath());
        return kept;
    }

    /** The arguments with each {@code --options-file=PATH} replaced by the {@code --name=value} options it holds. */
    public static String[] expand(String[] args) {
        List<String> expanded = new ArrayList<>(args.length);
        for (String arg : args) {
            if (!arg.startsWith(OPTION)) {
                expanded.add(arg);
                continue;
            }
            Path file = Path.of(arg.substring(OPTION.length()));
            Properties options = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                options.load(reader);
            } catch (FileSystemException e) {
                throw new IllegalArgumentException("--options-file: cannot read " + file + " (" + e.getReason() + ")", e);
            } catch (IOException e) {
                throw new IllegalArgumentException("--options-file: cannot read " + file + ": " + e.getMessage(), e);
            }
            new TreeMap<>(options).forEach((name, value) -> expanded.add("--" + name + "=" + value));
        }
        return expanded.toArray(String[]::new);
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
