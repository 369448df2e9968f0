package io.offstream.tests.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault matrix's record: one line per faulted run (fault, lost, duplicated, from the run's validation
 * report) appended to {@code target/fault-matrix-<pid>.tsv}, and the table over every line there. The fault
 * tests run once in {@code verify}; {@code -Doffstream.faults.repetitions=N} repeats each N times (see
 * this module's README), and the table then says how many runs of each fault lost or duplicated a row.
 */
final class FaultMatrix {

    /** One file per test JVM (one Maven run), so a table counts that run's faulted runs only. */
    static final Path FILE = Path.of("target", "fault-matrix-" + ProcessHandle.current().pid() + ".tsv");

    private FaultMatrix() {
    }

    /** How many times each fault test repeats its faulted run. */
    static int repetitions() {
        return Math.max(1, Integer.getInteger("offstream.faults.repetitions", 1));
    }

    /**
     * Records a faulted run from its validation report: lost = accepted keys neither landed nor
     * dead-lettered, duplicated = landed rows beyond one per key.
     */
    static void record(String fault, JsonNode report) {
        long lost = Math.max(0, report.path("accepted").asLong() - report.path("landedDistinct").asLong()
                - report.path("deadLettered").asLong()) + Math.max(0, report.path("unexplained").asLong());
        long duplicated = report.path("landedRows").asLong() - report.path("landedDistinct").asLong();
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, fault + "\t" + lost + "\t" + duplicated + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(table());
    }

    /** fault | runs | lost | duplicated, over every run recorded in the file. */
    static String table() {
        Map<String, long[]> byFault = new LinkedHashMap<>();
        try {
            for (String line : Files.exists(FILE) ? Files.readAllLines(FILE) : List.<String>of()) {
                String[] cells = line.split("\t");
                if (cells.length == 3) {
                    long[] totals = byFault.computeIfAbsent(cells[0], k -> new long[3]);
                    totals[0]++;
                    totals[1] += Long.parseLong(cells[1]);
                    totals[2] += Long.parseLong(cells[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int width = Math.max("fault".length(), byFault.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder table = new StringBuilder(String.format("%n%-" + width + "s %5s %6s %11s%n", "fault", "runs", "lost", "duplicated"));
        byFault.forEach((fault, t) -> table.append(String.format("%-" + width + "s %5d %6d %11d%n", fault, t[0], t[1], t[2])));
        return table.toString();
    }
}
