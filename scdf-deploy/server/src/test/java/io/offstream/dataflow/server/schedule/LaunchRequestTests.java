package io.offstream.dataflow.server.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.deployer.spi.core.AppDefinition;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleRequest;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchRequestTests {

    @Test
    void travelsThroughScdfsSchedulerPropertiesUnchanged() {
        LaunchRequest launch = new LaunchRequest(Map.of("app.probe.greeting", "a,b=c", "deployer.*.memory", "1g"),
                List.of("--probe.exit-message=hello world", "--x=\"quoted\""));

        // SCDF 2.11 hands every scheduler.* property to the SPI as spring.cloud.deployer.*
        Map<String, String> atTheSpi = new HashMap<>();
        launch.asSchedulerProperties().forEach((key, value) ->
                atTheSpi.put("spring.cloud.deployer." + key.substring("scheduler.".length()), value));

        assertThat(LaunchRequest.attachedTo(atTheSpi)).contains(launch);
    }

    @Test
    void aRequestWithoutOneIsLaunchedWithItsDeployerPropertiesAndArguments() {
        ScheduleRequest request = new ScheduleRequest(new AppDefinition("nightly", Map.of("probe.sleep", "1s")),
                Map.of("spring.cloud.deployer.cron.expression", "@daily",
                        "spring.cloud.deployer.local.javaOpts", "-Xmx1g"),
                List.of("--run=1"), "nightly-schedule", new ByteArrayResource(new byte[0]));

        assertThat(LaunchRequest.attachedTo(request.getDeploymentProperties())).isEmpty();
        assertThat(LaunchRequest.derivedFrom(request)).isEqualTo(
                new LaunchRequest(Map.of("deployer.*.local.javaOpts", "-Xmx1g"), List.of("--run=1")));
    }

    @Test
    void scheduledLaunchReadsTheCronTheSpiIsGiven() {
        ScheduleRequest request = new ScheduleRequest(new AppDefinition("nightly", Map.of()),
                Map.of("spring.cloud.deployer.cron.expression", "0 2 * * *"), List.of(), "nightly-schedule", new ByteArrayResource(new byte[0]));

        ScheduledLaunch launch = ScheduledLaunch.from(request, "region-a");

        assertThat(launch.platform()).isEqualTo("region-a");
        assertThat(launch.scheduleName()).isEqualTo("nightly-schedule");
        assertThat(launch.taskDefinitionName()).isEqualTo("nightly");
        assertThat(launch.cronExpression()).isEqualTo("0 2 * * *");
    }
}
