package io.offstream.tasks.composed.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ExitCodeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Turns SIGTERM (SCDF's "stop" of the composed task) into a clean STOPPED job: the context's
 * shutdown calls {@link #stop()}, which raises the signal the child steps poll, then waits for
 * the running job to record itself as STOPPED before the database goes away. A STOPPED job is
 * restartable, and its restart resumes at the child that was running.
 *
 * <p>It runs before Spring Cloud Task records the task's end (a later lifecycle phase), and
 * sets the task's exit code to {@link #STOPPED_EXIT_CODE} so a stopped composed task never
 * reads as a success.
 */
public class StopSignal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    /** 128 + SIGTERM, as a shell reports a process ended by SIGTERM. */
    public static final int STOPPED_EXIT_CODE = 143;

    private final Duration grace;

    private final ApplicationEventPublisher events;

    private final CountDownLatch jobFinished = new CountDownLatch(1);

    private volatile boolean requested;

    private volatile boolean running;

    private volatile boolean jobRunning;

    public StopSignal(Duration grace, ApplicationEventPublisher events) {
        this.grace = grace;
        this.events = events;
    }

    public boolean isRequested() {
        return requested;
    }

    /** The job runner says its job runs (a stop then waits for it); public for tests of the steps. */
    public void jobStarted() {
        jobRunning = true;
    }

    void jobFinished() {
        jobRunning = false;
        jobFinished.countDown();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!jobRunning) {
            return;
        }
        // The exit code goes first: once the job ends, the main thread's ApplicationReadyEvent
        // makes Spring Cloud Task record the end with whatever exit code it has seen by then.
        events.publishEvent(new ExitCodeEvent(this, STOPPED_EXIT_CODE));
        requested = true;
        log.info("Stop requested: ending the composed job as STOPPED (waiting up to {})", grace);
        try {
            if (!jobFinished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The composed job did not stop within {}", grace);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop early: before the datasource and the task repository shut down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
