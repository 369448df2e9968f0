package io.offstream.dataflow.server.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskPlatform;
import org.springframework.cloud.dataflow.server.repository.NoSuchScheduleException;
import org.springframework.cloud.dataflow.server.service.SchedulerService;
import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class LaunchCapturingSchedulerServiceTests {

    private final SchedulerService scdf = mock(SchedulerService.class);

    private LaunchCapturingSchedulerService service;

    @BeforeEach
    void localAccountsDefaultAndRegionA() {
        LocalLauncherSchedulers local = new LocalLauncherSchedulers(null, List.of(new TaskPlatform("Local", List.of(
                new Launcher("region-a", "Local", null), new Launcher("default", "Local", null)))));
        SchedulerProperties properties = new SchedulerProperties(MisfirePolicy.RUN_ONCE, Duration.ofSeconds(10),
                ConcurrencyPolicy.FORBID, 4, null, false);
        service = new LaunchCapturingSchedulerService(scdf, local, properties);
    }

    @Test
    void attachesTheUsersLaunchRequestAndHandsScdfTheCronUnderItsOwnKey() {
        List<String> arguments = new ArrayList<>(List.of("--probe.exit-message=scheduled"));

        service.schedule("every-5s", "probe-def",
                Map.of("spring.cloud.scheduler.cron.expression", "*/5 * * * * ?", "app.probe.probe.sleep", "1s"),
                arguments, "region-a");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> properties = ArgumentCaptor.forClass(Map.class);
        verify(scdf).schedule(eq("every-5s"), eq("probe-def"), properties.capture(), eq(arguments), eq("region-a"));
        assertThat(properties.getValue())
                .containsEntry("scheduler.cron.expression", "*/5 * * * * ?")
                .containsEntry("app.probe.probe.sleep", "1s")
                .doesNotContainKey("spring.cloud.scheduler.cron.expression")
                .containsEntry("scheduler.offstream.launch-properties", "{\"app.probe.probe.sleep\":\"1s\"}")
                .containsEntry("scheduler.offstream.launch-arguments", "[\"--probe.exit-message=scheduled\"]");
    }

    @Test
    void refusesAnInvalidCronBeforeScdfDoesAnything() {
        assertThatThrownBy(() -> service.schedule("bad", "probe-def", Map.of("scheduler.cron.expression", "61 * * * *"),
                List.of(), null))
                .isInstanceOf(InvalidCronExpressionException.class)
                .hasMessageContaining("minute");
        verify(scdf, never()).schedule(any(), any(), anyMap(), anyList(), any());
    }

    @Test
    void noPlatformMeansTheDefaultAccount() {
        service.schedule("nightly", "probe-def", Map.of("scheduler.cron.expression", "@daily"), List.of());
        service.listForPlatform(null);

        verify(scdf).schedule(eq("nightly"), eq("probe-def"), anyMap(), anyList(), eq("default"));
        verify(scdf).listForPlatform("default");
    }

    @Test
    void badRequestsScdfSignalsAsIllegalArgumentsAreClientErrors() {
        doThrow(new IllegalArgumentException("Only deployment property keys starting with 'app.' ... got 'foo'"))
                .when(scdf).schedule(any(), any(), anyMap(), anyList(), any());

        assertThatThrownBy(() -> service.schedule("s", "probe-def",
                Map.of("scheduler.cron.expression", "@daily", "foo", "bar"), List.of(), "default"))
                .isInstanceOf(CreateScheduleException.class)
                .hasMessageContaining("got 'foo'");
    }

    @Test
    void anUnknownPlatformIsAClientError() {
        doThrow(new IllegalArgumentException("The platform nowhere does not exist"))
                .when(scdf).schedule(any(), any(), anyMap(), anyList(), eq("nowhere"));

        assertThatThrownBy(() -> service.schedule("s", "probe-def", Map.of("scheduler.cron.expression", "@daily"),
                List.of(), "nowhere"))
                .isInstanceOf(CreateScheduleException.class)
                .hasMessageContaining("The platform nowhere does not exist");
    }

    @Test
    void readsTheArgumentsOfThe251ShellAsAList() {
        service.schedule("s", "probe-def", Map.of("scheduler.cron.expression", "@daily"),
                List.of("[\"--a=1\",\"--b=2\"]"), "default");

        verify(scdf).schedule(eq("s"), eq("probe-def"), anyMap(), eq(List.of("--a=1", "--b=2")), eq("default"));
    }

    @Test
    void deletingAnUnknownScheduleIsNotFound() {
        assertThatThrownBy(() -> service.unschedule("nope", "default")).isInstanceOf(NoSuchScheduleException.class);
        verify(scdf, never()).unschedule(any(), any());
    }

    @Test
    void otherPlatformsGoToScdfUnchanged() {
        Map<String, String> properties = Map.of("scheduler.cron.expression", "*/5 * * * *");

        service.schedule("on-k8s", "probe-def", properties, List.of(), "k8s");

        verify(scdf).schedule("on-k8s", "probe-def", properties, List.of(), "k8s");
    }
}
