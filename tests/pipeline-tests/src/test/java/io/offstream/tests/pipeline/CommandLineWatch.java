package io.offstream.tests.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads the command line of every process on the machine a few times a second, as {@code ps}
 * shows them to any user, and keeps each one that holds one of the watched values.
 */
final class CommandLineWatch implements AutoCloseable {

    private final List<String> secrets;

    private final Set<String> sightings = new ConcurrentSkipListSet<>();

    private final AtomicInteger samples = new AtomicInteger();

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "command-line-watch");
        thread.setDaemon(true);
        return thread;
    });

    private CommandLineWatch(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    static CommandLineWatch start(List<String> secrets) {
        CommandLineWatch watch = new CommandLineWatch(secrets);
        watch.sampler.scheduleWithFixedDelay(watch::sample, 0, 200, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void sample() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(this::look);
            samples.incrementAndGet();
        }
        catch (IOException | RuntimeException e) {
            // a process list that changed under the walk: the next sample sees it again
        }
    }

    private void look(Path process) {
        try {
            String commandLine = new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
            for (String secret : secrets) {
                if (commandLine.contains(secret)) {
                    sightings.add(commandLine.length() > 300 ? commandLine.substring(0, 300) + "..." : commandLine);
                }
            }
        }
        catch (IOException gone) {
            // the process ended between the listing and the read
        }
    }

    /** The command lines seen holding a watched value. */
    Set<String> sightings() {
        return Set.copyOf(sightings);
    }

    int samples() {
        return samples.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
