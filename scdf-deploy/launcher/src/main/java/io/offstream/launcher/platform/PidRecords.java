package io.offstream.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The records of the processes the platform started, under {@code .offstream/pids}: per component
 * {@code <name>.pid}, {@code <name>.jar} (a path on its command line, the marker that tells it from
 * a process that got its pid later) and {@code <name>.port}. The same files lib.sh reads and writes.
 */
public final class PidRecords {

    private final Path directory;

    public PidRecords(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public void record(String name, long pid, String marker, OptionalInt port) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".pid"), pid + "\n");
            Files.writeString(directory.resolve(name + ".jar"), marker + "\n");
            if (port.isPresent()) {
                Files.writeString(directory.resolve(name + ".port"), port.getAsInt() + "\n");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OptionalLong pid(String name) {
        return read(name + ".pid").filter(s -> s.matches("[0-9]+")).map(s -> OptionalLong.of(Long.parseLong(s))).orElse(OptionalLong.empty());
    }

    public OptionalInt port(String name) {
        return read(name + ".port").filter(s -> s.matches("[0-9]+")).map(s -> OptionalInt.of(Integer.parseInt(s))).orElse(OptionalInt.empty());
    }

    /** The recorded pid, alive, and still running the recorded jar (pids get reused). */
    public OptionalLong runningPid(String name) {
        OptionalLong pid = pid(name);
        Optional<String> marker = read(name + ".jar");
        if (pid.isEmpty() || marker.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean running = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).isPresent()
                && commandLine(pid.getAsLong()).contains(marker.get());
        return running ? pid : OptionalLong.empty();
    }

    public boolean isRunning(String name) {
        return runningPid(name).isPresent();
    }

    public void remove(String name) {
        for (String suffix : List.of(".pid", ".jar", ".port")) {
            try {
                Files.deleteIfExists(directory.resolve(name + suffix));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Names with a pid record that start with the prefix, sorted (e.g. every consumer). */
    public List<String> names(String prefix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(prefix) && f.endsWith(".pid"))
                    .map(f -> f.substring(0, f.length() - ".pid".length())).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every recorded pid, whatever it runs now. */
    public List<Long> allPids() {
        return names("").stream().map(this::pid).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
    }

    /** A process's command line with its arguments separated by spaces; empty when it cannot be read. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        }
        catch (IOException e) {
            return "";
        }
    }

    private Optional<String> read(String file) {
        Path path = directory.resolve(file);
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path).strip()) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
