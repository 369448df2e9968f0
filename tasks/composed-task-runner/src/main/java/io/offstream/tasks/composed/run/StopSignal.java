package io.offstream.tasks.composed.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Turns SIGTERM (SCDF's "stop" of the composed task) into a clean STOPPED job: the context's
 * shutdown calls {@link #stop()}, which raises the signal the child steps poll, then waits for
 * the running job to record itself as STOPPED before the database goes away. A STOPPED job is
 * restartable, and its restart resumes at the child that was running.
 */
public class StopSignal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    private final Duration grace;

    private final CountDownLatch jobFinished = new CountDownLatch(1);

    private volatile boolean requested;

    private volatile boolean running;

    private volatile boolean jobRunning;

    public StopSignal(Duration grace) {
        this.grace = grace;
    }

    public boolean isRequested() {
        return requested;
    }

    void jobStarted() {
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
