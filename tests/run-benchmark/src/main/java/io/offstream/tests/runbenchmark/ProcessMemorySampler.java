package io.offstream.tests.runbenchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Samples every Java process on the machine on its own thread (every 250 ms by default) for as
 * long as it is open: command line and ancestors once, VmRSS and VmHWM on every pass. Which of
 * them belong to a run is decided afterwards ({@link RunMemory}), once SCDF knows the run's
 * executions.
 */
public final class ProcessMemorySampler implements AutoCloseable {

    /** A new process may still be a fork about to exec java (a launcher script): look at it again for this many passes. */
    private static final int PASSES_BEFORE_SETTLED = 8;

    private final ProcFs proc;

    private final Duration interval;

    private final Thread thread;

    private final Map<Long, Tracked> live = new HashMap<>();

    private final List<Tracked> seen = new ArrayList<>();

    private final Map<Long, Integer> notJavaYet = new HashMap<>();

    private final Set<Long> notJava = new HashSet<>();

    private volatile boolean running = true;

    private ProcessMemorySampler(ProcFs proc, Duration interval) {
        this.proc = proc;
        this.interval = interval;
        this.thread = new Thread(this::loop, "process-memory-sampler");
        this.thread.setDaemon(true);
    }

    /** Takes a first sample before returning, so that what runs now has its "before" figures. */
    public static ProcessMemorySampler start(ProcFs proc, Duration interval) {
        ProcessMemorySampler sampler = new ProcessMemorySampler(proc, interval);
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    /** Every Java process seen so far, ended or not. */
    public synchronized List<ObservedJvm> observed() {
        return seen.stream().map(Tracked::snapshot).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            }
            catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        Set<Long> current = new HashSet<>(proc.pids());
        // a pid that went away may come back as another process
        live.keySet().retainAll(current);
        notJavaYet.keySet().retainAll(current);
        notJava.retainAll(current);
        for (long pid : current) {
            Tracked tracked = live.get(pid);
            if (tracked == null && !notJava.contains(pid)) {
                tracked = discover(pid);
            }
            if (tracked != null) {
                Optional<ProcFs.Status> status = proc.status(pid);
                if (status.isPresent()) {
                    tracked.record(status.get());
                }
            }
        }
    }

    private Tracked discover(long pid) {
        List<String> command = proc.commandLine(pid);
        if (isJava(command)) {
            notJavaYet.remove(pid);
            Tracked tracked = new Tracked(pid, proc.ancestors(pid), command);
            live.put(pid, tracked);
            seen.add(tracked);
            return tracked;
        }
        int passes = notJavaYet.merge(pid, 1, Integer::sum);
        if (passes >= PASSES_BEFORE_SETTLED) {
            notJavaYet.remove(pid);
            notJava.add(pid);
        }
        return null;
    }

    private static boolean isJava(List<String> command) {
        return !command.isEmpty() && (command.get(0).equals("java") || command.get(0).endsWith("/java"));
    }

    /** The figures of one process, updated only by the sampling thread. */
    private static final class Tracked {

        private final long pid;

        private final List<Long> ancestors;

        private final List<String> command;

        private long firstRss = -1;

        private long peakRss;

        private long peakHwm;

        Tracked(long pid, List<Long> ancestors, List<String> command) {
            this.pid = pid;
            this.ancestors = ancestors;
            this.command = List.copyOf(command);
        }

        void record(ProcFs.Status status) {
            if (firstRss < 0) {
                firstRss = status.rssKiB();
            }
            peakRss = Math.max(peakRss, status.rssKiB());
            peakHwm = Math.max(peakHwm, status.peakRssKiB());
        }

        ObservedJvm snapshot() {
            return new ObservedJvm(pid, ancestors, command, Math.max(firstRss, 0), peakRss, peakHwm);
        }
    }
}
