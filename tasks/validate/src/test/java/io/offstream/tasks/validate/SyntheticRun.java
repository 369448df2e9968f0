package io.offstream.tasks.validate;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.offstream.tasks.validate.sort.KeySink;
import io.offstream.tasks.validate.sort.KeySorter;
import io.offstream.tasks.validate.sort.SortSettings;
import io.offstream.tasks.validate.sort.SortedKeys;

/**
 * A run of {@code keys} synthetic keys reconciled as {@link RunValidator} does it (each source sorted
 * on disk in turn, then the sorted streams compared), without Kafka or Parquet: the keys come from
 * arithmetic, in a scattered order as from a topic's partitions. Run in its own JVM by
 * {@link BoundedMemoryReconciliationIntegrationTests}, which sets its heap; prints the report's
 * counts and names and what the run took as {@code name=value} lines.
 *
 * <p>Planted: every key is accepted; {@link #MISSING} never land; {@link #DEAD_LETTERED} are
 * dead-lettered instead of landing; {@link #DEAD_LETTERED_AND_LANDED} is dead-lettered and lands too;
 * {@link #DUPLICATED} land twice; {@link #UNEXPECTED} lands but was never accepted.
 */
public final class SyntheticRun {

    static final long REJECTED = 1_000;

    static final String UNEXPECTED = "U-stranger";

    /** Key indexes, as fractions of the run so they fall anywhere in it. */
    static final List<Integer> MISSING = List.of(3, 5, 6);

    static final List<Integer> DEAD_LETTERED = List.of(1, 2, 4, 7, 8);

    static final int DEAD_LETTERED_AND_LANDED = 9;

    static final List<Integer> DUPLICATED = List.of(10, 11);

    private static final int PLANTED = 12;

    private final int keys;

    private SyntheticRun(int keys) {
        this.keys = keys;
    }

    /** The i-th planted key's index (i in 0..11): spread across the run. */
    static int planted(int keys, int i) {
        return (int) ((long) keys * (i + 1) / (PLANTED + 1));
    }

    /** The key text of index {@code i}: {@code T-} and nine digits, like a risk transaction id. */
    static String key(int i) {
        char[] text = {'T', '-', '0', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int at = text.length - 1, rest = i; rest > 0; at--, rest /= 10) {
            text[at] = (char) ('0' + rest % 10);
        }
        return new String(text);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: SyntheticRun <keys> <spill directory> <sort buffer bytes>");
        }
        SyntheticRun run = new SyntheticRun(Integer.parseInt(args[0]));
        SortSettings sorting = new SortSettings(Path.of(args[1]), Long.parseLong(args[2]));
        AtomicLong liveHeapPeak = watchLiveHeap();
        long started = System.nanoTime();
        ValidationReport report;
        try (KeySorter accepted = sorting.sorter("accepted"); KeySorter deadLettered = sorting.sorter("dead-lettered");
                KeySorter landed = sorting.sorter("landed")) {
            run.accepted(accepted);
            SortedKeys acceptedKeys = accepted.sorted();
            run.deadLettered(deadLettered);
            SortedKeys deadLetteredKeys = deadLettered.sorted();
            run.landed(landed);
            SortedKeys landedKeys = landed.sorted();
            report = new Reconciliation(0, 20).reconcile("synthetic", "risk", List.of("txn_id"),
                    new RunEvidence(run.keys + REJECTED, REJECTED, Map.of("NEGATIVE_AMOUNT", REJECTED), acceptedKeys, deadLetteredKeys, landedKeys));
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        print("keys", run.keys);
        print("passed", report.passed());
        print("accepted", report.accepted());
        print("landedRows", report.landedRows());
        print("landedDistinct", report.landedDistinct());
        print("deadLettered", report.deadLettered());
        print("unexplained", report.unexplained());
        print("missingKeys", report.missingKeys());
        print("duplicateKeys", report.duplicateKeys());
        print("unexpectedKeys", report.unexpectedKeys());
        for (String problem : report.problems()) {
            print("problem", problem);
        }
        print("seconds", String.format("%.1f", elapsedMillis / 1000.0));
        print("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        print("heapAfterGcPeakMiB", liveHeapPeak.get() >> 20);
        print("heapPoolsPeakSumMiB", heapPoolsPeakSum() >> 20);
        print("processPeakRss", processPeakRss());
    }

    /** Every key once, in a scattered order (a stride through the indexes, coprime with their number). */
    private void accepted(KeySink sink) throws IOException {
        for (long j = 0, i = 0; j < keys; j++, i = (i + 1_000_003) % keys) {
            sink.add(key((int) i));
        }
    }

    private void deadLettered(KeySink sink) throws IOException {
        for (int i : DEAD_LETTERED) {
            sink.add(key(planted(keys, i)));
        }
        sink.add(key(planted(keys, DEAD_LETTERED_AND_LANDED)));
    }

    /** Every key but the missing and dead-lettered ones, in another scattered order, two of them twice, and a stranger. */
    private void landed(KeySink sink) throws IOException {
        Set<Integer> notLanded = new HashSet<>();
        MISSING.forEach(i -> notLanded.add(planted(keys, i)));
        DEAD_LETTERED.forEach(i -> notLanded.add(planted(keys, i)));
        for (long j = 0, i = 0; j < keys; j++, i = (i + 999_983) % keys) {
            if (!notLanded.contains((int) i)) {
                sink.add(key((int) i));
            }
        }
        for (int i : DUPLICATED) {
            sink.add(key(planted(keys, i)));
        }
        sink.add(UNEXPECTED);
    }

    /** The most the heap held right after a collection (what was live, near enough), kept up to date by every collection. */
    private static AtomicLong watchLiveHeap() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(pool -> heapPools.add(pool.getName()));
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long live = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
                            .getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peak.accumulateAndGet(live, Math::max);
                }
            }, null, null);
        }
        return peak;
    }

    private static long heapPoolsPeakSum() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The process's peak resident memory, from Linux's /proc (heap, metaspace, code, threads: all of it). */
    private static String processPeakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).trim()).findFirst().orElse("unknown");
    }

    private static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
