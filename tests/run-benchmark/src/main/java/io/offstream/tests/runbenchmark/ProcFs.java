package io.offstream.tests.runbenchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The few things the benchmark reads from Linux's /proc. A process can end between any two reads,
 * so every read answers empty rather than failing.
 */
public final class ProcFs {

    /** From /proc/<pid>/status: the parent, the peak resident set so far (VmHWM) and the current one (VmRSS), in KiB. */
    public record Status(long parentPid, long peakRssKiB, long rssKiB) {
    }

    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        return pids;
    }

    /** The arguments, program first; empty for a kernel thread or a process that is gone. */
    public List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(root.resolve(pid + "/cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        }
        catch (IOException e) {
            return List.of();
        }
    }

    public Optional<Status> status(long pid) {
        try {
            long parent = -1;
            long peak = 0;
            long rss = 0;
            for (String line : Files.readAllLines(root.resolve(pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("PPid:")) {
                    parent = number(line);
                }
                else if (line.startsWith("VmHWM:")) {
                    peak = number(line);
                }
                else if (line.startsWith("VmRSS:")) {
                    rss = number(line);
                }
            }
            return parent < 0 ? Optional.empty() : Optional.of(new Status(parent, peak, rss));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parent, grandparent, ... up to init: an engine JVM may sit below a launcher script, not right below its task. */
    public List<Long> ancestors(long pid) {
        List<Long> chain = new ArrayList<>();
        long current = pid;
        while (chain.size() < 64) {
            Optional<Status> status = status(current);
            if (status.isEmpty() || status.get().parentPid() <= 1) {
                break;
            }
            current = status.get().parentPid();
            chain.add(current);
        }
        return List.copyOf(chain);
    }

    private static long number(String line) {
        // "VmHWM:	  318344 kB"
        String[] fields = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(fields[0]);
    }
}
