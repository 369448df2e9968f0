package io.offstream.dataflow.server.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleKeysTests {

    @Test
    void findsTheCronUnderEachOfItsNames() {
        assertThat(ScheduleKeys.cronExpression(Map.of("scheduler.cron.expression", "*/5 * * * * ?"))).isEqualTo("*/5 * * * * ?");
        assertThat(ScheduleKeys.cronExpression(Map.of("spring.cloud.deployer.cron.expression", "@daily"))).isEqualTo("@daily");
        assertThat(ScheduleKeys.cronExpression(Map.of("spring.cloud.scheduler.cron.expression", " 0 1 * * * "))).isEqualTo("0 1 * * *");
        assertThat(ScheduleKeys.cronExpression(Map.of("app.probe.x", "1"))).isNull();
    }

    @Test
    void prefersTheFirstSourceThatHasOne() {
        Map<String, String> deployment = Map.of("app.x", "1");
        Map<String, String> scheduler = Map.of("spring.cloud.scheduler.cron.expression", "@hourly");

        assertThat(ScheduleKeys.cronExpression(deployment, null, scheduler)).isEqualTo("@hourly");
    }

    @Test
    void launchesWithEverythingButTheSchedulerOnlyKeys() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("scheduler.cron.expression", "@daily");
        given.put("scheduler.kubernetes.cron.concurrencyPolicy", "Forbid");
        given.put("spring.cloud.deployer.cron.expression", "@daily");
        given.put("app.probe.probe.sleep", "1s");
        given.put("deployer.probe.memory", "512m");
        given.put("version.probe", "1.0");

        assertThat(ScheduleKeys.launchProperties(given)).containsExactly(
                Map.entry("app.probe.probe.sleep", "1s"),
                Map.entry("deployer.probe.memory", "512m"),
                Map.entry("version.probe", "1.0"));
    }
}
