package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParentWatchIntegrationTests {

    @Test
    void actsWhenTheWatchedProcessIsKilled() throws Exception {
        // a process that is not this JVM's child, as a task is not its job's: the shell leaves it orphaned
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes()).trim());
        shell.waitFor();
        ProcessHandle parent = ProcessHandle.of(pid).orElseThrow();
        try {
            CountDownLatch gone = new CountDownLatch(1);
            ParentWatch.watch(pid, gone::countDown);
            assertThat(gone.await(500, TimeUnit.MILLISECONDS)).as("not while it runs").isFalse();
            parent.destroyForcibly();
            assertThat(gone.await(10, TimeUnit.SECONDS)).as("after SIGKILL").isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void actsAtOnceWhenThereIsNoSuchProcess() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        CountDownLatch gone = new CountDownLatch(1);
        ParentWatch.watch(ended.pid(), gone::countDown);
        assertThat(gone.getCount()).isZero();
    }
}
