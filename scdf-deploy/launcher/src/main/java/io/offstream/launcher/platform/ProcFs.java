package io.offstream.launcher.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** What Linux's /proc tells about a process: session, state, working directory, executable, command line, environment. */
public final class ProcFs {

    private final Path proc;

    public ProcFs(Path proc) {
        this.proc = proc;
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    public List<Long> pids() {
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+")).map(Long::parseLong).sorted().toList();
        }
        catch (IOException e) {
            return List.of();
        }
    }

    /** The session id (stat's sixth field); empty for a process that is gone. */
    public OptionalLong session(long pid) {
        return statFields(pid).map(f -> OptionalLong.of(Long.parseLong(f[3]))).orElse(OptionalLong.empty());
    }

    /** Alive and not a zombie waiting for its parent. */
    public boolean alive(long pid) {
        return statFields(pid).map(f -> !"Z".equals(f[0]) && !"X".equals(f[0])).orElse(false);
    }

    public Optional<Path> cwd(long pid) {
        return link(pid, "cwd");
    }

    public Optional<Path> exe(long pid) {
        return link(pid, "exe");
    }

    public List<String> commandLine(long pid) {
        return nulSeparated(pid, "cmdline");
    }

    public List<String> environment(long pid) {
        return nulSeparated(pid, "environ");
    }

    /** stat's fields after the command name: state, ppid, pgrp, session, ... */
    private Optional<String[]> statFields(long pid) {
        try {
            String stat = Files.readString(proc.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> link(long pid, String name) {
        try {
            return Optional.of(Files.readSymbolicLink(proc.resolve(pid + "/" + name)));
        }
        catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private List<String> nulSeparated(long pid, String name) {
        try {
            String content = new String(Files.readAllBytes(proc.resolve(pid + "/" + name)), StandardCharsets.UTF_8);
            return content.isEmpty() ? List.of() : List.of(content.split("\0"));
        }
        catch (IOException e) {
            return List.of();
        }
    }
}
