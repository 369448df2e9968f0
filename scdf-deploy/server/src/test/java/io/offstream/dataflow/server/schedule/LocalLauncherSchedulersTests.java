package io.offstream.dataflow.server.schedule;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskPlatform;
import org.springframework.cloud.deployer.spi.scheduler.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class LocalLauncherSchedulersTests {

    @Test
    void everyLocalAccountGetsItsOwnSchedulerAndOtherPlatformsKeepTheirs() {
        Scheduler shared = new AccountScheduler("default", null);
        Launcher defaultAccount = new Launcher("default", "Local", null, shared);
        Launcher regionA = new Launcher("region-a", "Local", null, shared);
        Scheduler kubernetesScheduler = mock(Scheduler.class);
        Launcher kubernetes = new Launcher("k8s", "Kubernetes", null, kubernetesScheduler);

        LocalLauncherSchedulers local = new LocalLauncherSchedulers(null, List.of(
                new TaskPlatform("Local", List.of(defaultAccount, regionA)),
                new TaskPlatform("Kubernetes", List.of(kubernetes))));

        assertThat(defaultAccount.getScheduler()).isSameAs(shared);
        assertThat(regionA.getScheduler()).isInstanceOfSatisfying(AccountScheduler.class,
                scheduler -> assertThat(scheduler.account()).isEqualTo("region-a"));
        assertThat(kubernetes.getScheduler()).isSameAs(kubernetesScheduler);
        assertThat(local.serves("default")).isTrue();
        assertThat(local.serves("region-a")).isTrue();
        assertThat(local.serves("k8s")).isFalse();
        assertThat(local.serves(null)).isFalse();
    }
}
