package io.offstream.tasks.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that validation's memory does not grow with the run: 20,000,000 keys reconciled in a
 * JVM of its own with a 512 MiB heap ({@link SyntheticRun}, the default 64 MiB sort buffer), with
 * every planted problem found and counted exactly. Holding the keys in sets, as validation once did,
 * took ~250 bytes a key: 5 GB here.
 */
class BoundedMemoryReconciliationIntegrationTests {

    private static final int KEYS = 20_000_000;

    private static final long DEFAULT_SORT_BUFFER = 64L << 20;

    @TempDir
    Path work;

    @Test
    void twentyMillionKeysReconcileInHalfAGigabyteOfHeap() throws Exception {
        Path spill = Files.createDirectories(work.resolve("spill"));
        List<String> output = new ArrayList<>();
        int exit = runJvm(List.of("-Xmx512m"), List.of(SyntheticRun.class.getName(), String.valueOf(KEYS), spill.toString(),
                String.valueOf(DEFAULT_SORT_BUFFER)), work.resolve("jvm.out"), output);
        Map<String, String> printed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : output) {
            int equals = line.indexOf('=');
            if (line.startsWith("problem=")) {
                problems.add(line.substring(equals + 1));
            }
            else if (equals > 0) {
                printed.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }

        assertThat(exit).as(String.join("\n", output)).isZero();
        assertThat(printed).containsEntry("keys", String.valueOf(KEYS))
                .containsEntry("passed", "false")
                .containsEntry("accepted", String.valueOf(KEYS))
                .containsEntry("landedDistinct", String.valueOf(KEYS - 7))
                .containsEntry("landedRows", String.valueOf(KEYS - 5))
                .containsEntry("deadLettered", "5")
                .containsEntry("unexplained", "3")
                .containsEntry("missingKeys", keys(SyntheticRun.MISSING).toString())
                .containsEntry("duplicateKeys", keys(SyntheticRun.DUPLICATED).toString())
                .containsEntry("unexpectedKeys", List.of(SyntheticRun.UNEXPECTED).toString());
        assertThat(problems).containsExactly(
                String.format("source rows %,d but landed %,d + rejected %,d + dead-lettered %,d = %,d", KEYS + SyntheticRun.REJECTED,
                        KEYS - 8, SyntheticRun.REJECTED, 5, KEYS + SyntheticRun.REJECTED - 3),
                "3 accepted keys neither landed nor dead-lettered, first: " + keys(SyntheticRun.MISSING),
                "2 keys landed more than once, first: " + keys(SyntheticRun.DUPLICATED),
                "1 landed keys were never accepted, first: [U-stranger]");
        assertThat(spill).as("spill files left behind").isEmptyDirectory();
        System.out.printf("%,d keys reconciled with -Xmx512m in %s s; live heap peak %s MiB, heap pools' peaks summed %s MiB, peak RSS %s%n",
                KEYS, printed.get("seconds"), printed.get("heapAfterGcPeakMiB"), printed.get("heapPoolsPeakSumMiB"), printed.get("processPeakRss"));
    }

    private static List<String> keys(List<Integer> planted) {
        return planted.stream().map(i -> SyntheticRun.key(SyntheticRun.planted(KEYS, i))).toList();
    }

    /**
     * Runs a main class and its arguments in a new JVM on this test's classpath; its output (stdout and stderr) goes
     * through {@code log} into {@code output}.
     */
    private static int runJvm(List<String> jvmOptions, List<String> mainAndArguments, Path log, List<String> output)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!jvm.waitFor(5, TimeUnit.MINUTES)) {
            jvm.destroyForcibly().waitFor();
            throw new IllegalStateException("The JVM running " + mainAndArguments + " did not end within 5 minutes:\n"
                    + Files.readString(log));
        }
        output.addAll(Files.readAllLines(log));
        return jvm.exitValue();
    }
}
