package io.offstream.tasks.support.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;

import io.offstream.contract.jobs.ParentWatch;

/**
 * The distributed setting for Spark: the job submitted to a cluster's master (spark://, yarn,
 * k8s://) in client mode through Spark's own launcher API. {@link SparkLauncher} runs
 * {@code <spark-home>/bin/spark-submit}; its {@link SparkAppHandle} gives the application's id and
 * state as Spark sees them and stops or kills it (interrupt, timeout). The cluster provides Spark
 * itself, so only the job's own dependencies are shipped.
 */
public class SparkLauncherSubmitter implements EngineSubmitter {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path sparkHome;

    private final String master;

    public SparkLauncherSubmitter(Path sparkHome, String master) {
        this.sparkHome = sparkHome;
        this.master = master;
    }

    /** The submission of a job: what spark-submit is given. */
    public SparkLauncher launcher(EngineJob job) {
        // the task's own Spring settings, its datasource password among them, are not the engine's business
        SparkLauncher launcher = new SparkLauncher(Map.of("SPRING_APPLICATION_JSON", "{}")).setSparkHome(sparkHome.toString()).setMaster(master)
                .setDeployMode("client").setAppName(job.name()).setMainClass(job.mainClass()).setAppResource(job.appJar().toString());
        job.dependencies().forEach(jar -> launcher.addJar(jar.toString()));
        List<String> driverOptions = new ArrayList<>();
        for (String option : job.jvmOptions()) {
            // spark-submit refuses a heap size among the driver's options: it is spark.driver.memory
            if (option.startsWith("-Xmx")) {
                launcher.setConf(SparkLauncher.DRIVER_MEMORY, option.substring("-Xmx".length()));
            }
            else {
                driverOptions.add(option);
            }
        }
        // the driver ends with this task, even a SIGKILLed one (whose shutdown hook cannot stop it)
        driverOptions.add("-D" + ParentWatch.PARENT_PID + "=" + ProcessHandle.current().pid());
        launcher.setConf(SparkLauncher.DRIVER_EXTRA_JAVA_OPTIONS, String.join(" ", driverOptions));
        // the job's own settings win over the heap taken from its options
        job.engineConf().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> launcher.setConf(e.getKey(), e.getValue()));
        launcher.addAppArgs(job.args().toArray(String[]::new));
        if (job.workDir() != null) {
            launcher.directory(job.workDir().toFile());
        }
        return launcher;
    }

    @Override
    public EngineResult run(EngineJob job, EngineOutput output) throws InterruptedException {
        Path submit = sparkHome.resolve("bin").resolve("spark-submit");
        if (!Files.isExecutable(submit)) {
            throw new IllegalStateException("The Spark home " + sparkHome + " has no runnable bin/spark-submit");
        }
        long start = System.nanoTime();
        LastLines last = new LastLines();
        // spark-submit's output comes line by line through a java.util.logging logger of this run's own
        String loggerName = "offstream.spark." + job.name() + "." + UUID.randomUUID();
        Logger logger = Logger.getLogger(loggerName);
        Handler forward = new Handler() {
            @Override
            public void publish(LogRecord record) {
                last.add(record.getMessage());
                output.line(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(forward);
        Set<Long> before = children();
        CountDownLatch ended = new CountDownLatch(1);
        SparkAppHandle handle;
        try {
            handle = launcher(job).redirectToLog(loggerName).startApplication(new SparkAppHandle.Listener() {
                @Override
                public void stateChanged(SparkAppHandle h) {
                    output.line("[offstream] Spark application " + Optional.ofNullable(h.getAppId()).orElse(job.name()) + " is " + h.getState());
                    if (h.getState().isFinal()) {
                        ended.countDown();
                    }
                }

                @Override
                public void infoChanged(SparkAppHandle h) {
                }
            });
        }
        catch (IOException e) {
            logger.removeHandler(forward);
            throw new IllegalStateException("Could not start " + submit + ": " + e.getMessage(), e);
        }
        // spark-submit runs in place of the script SparkLauncher started: the new child of this JVM is the driver
        Optional<ProcessHandle> driver = children().stream().filter(pid -> !before.contains(pid)).findFirst().flatMap(ProcessHandle::of);
        try {
            Duration timeout = job.timeout();
            boolean done = timeout == null || timeout.isZero() ? await(ended) : ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                output.line("[offstream] engine job stopped after its timeout of " + timeout);
                stop(handle, ended);
            }
            // the final state may be corrected once the driver has exited (a non-zero exit code fails a FINISHED application)
            driver.ifPresent(process -> process.onExit().orTimeout(STOP_GRACE.toSeconds(), TimeUnit.SECONDS).exceptionally(t -> process).join());
            // the handle hears of that exit on its own connection thread, a moment later
            Thread.sleep(200);
            SparkAppHandle.State state = handle.getState();
            int exitCode = state == SparkAppHandle.State.FINISHED ? 0 : 1;
            return new EngineResult(exitCode, Duration.ofNanos(System.nanoTime() - start), last.lines());
        }
        catch (InterruptedException e) {
            stop(handle, ended);
            throw e;
        }
        finally {
            logger.removeHandler(forward);
        }
    }

    private static boolean await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }

    /** Asks the application to stop, and kills its driver if it has not within the grace. */
    private static void stop(SparkAppHandle handle, CountDownLatch ended) {
        try {
            handle.stop();
            if (!ended.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                handle.kill();
            }
        }
        catch (InterruptedException e) {
            handle.kill();
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            // not connected yet: only a kill ends it
            handle.kill();
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The last lines of the driver's output, for the failure message. */
    private static final class LastLines {

        private static final int KEEP = 40;

        private final ArrayDeque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            lines.addLast(line);
            if (lines.size() > KEEP) {
                lines.removeFirst();
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
