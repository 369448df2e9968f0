package io.offstream.dataflow.server.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleInfo;
import org.springframework.cloud.deployer.spi.scheduler.UnScheduleException;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store against an in-memory Quartz that is never started (so nothing fires). */
class QuartzScheduleStoreTests {

    private Scheduler quartz;

    private QuartzScheduleStore store;

    @BeforeEach
    void inMemoryQuartz() throws SchedulerException {
        Properties settings = new Properties();
        settings.setProperty("org.quartz.scheduler.instanceName", "store-tests-" + System.nanoTime());
        settings.setProperty("org.quartz.threadPool.threadCount", "1");
        settings.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(settings).getScheduler();
        SchedulerProperties properties = new SchedulerProperties(MisfirePolicy.SKIP, Duration.ofSeconds(10),
                ConcurrencyPolicy.FORBID, 1, ZoneId.of("Europe/Paris"), false);
        store = new QuartzScheduleStore(quartz, properties, TransactionOperations.withoutTransaction());
    }

    @AfterEach
    void shutdown() throws SchedulerException {
        quartz.shutdown();
    }

    @Test
    void listsSchedulesPerAccountWithTheCronAsGiven() {
        store.create(launch("default", "every-minute", "*/1 * * * *"));
        store.create(launch("region-a", "nightly", "@daily"));

        List<ScheduleInfo> onDefault = store.list("default");

        assertThat(onDefault).extracting(ScheduleInfo::getScheduleName).containsExactly("every-minute");
        Map<String, String> properties = onDefault.get(0).getScheduleProperties();
        assertThat(properties)
                .containsEntry("spring.cloud.scheduler.cron.expression", "*/1 * * * *")
                .containsEntry("spring.cloud.deployer.cron.expression", "*/1 * * * *")
                .containsEntry("offstream.scheduler.quartz-cron-expression", "0 * * * * ?")
                .containsEntry("offstream.scheduler.time-zone", "Europe/Paris")
                .containsEntry("offstream.scheduler.misfire-policy", "SKIP")
                .containsKey("offstream.scheduler.next-fire-time");
        assertThat(onDefault.get(0).getTaskDefinitionName()).isEqualTo("probe-def");
        assertThat(store.list("region-a")).extracting(ScheduleInfo::getScheduleName).containsExactly("nightly");
    }

    @Test
    void storesTheMisfirePolicyWithTheTrigger() throws SchedulerException {
        store.create(launch("default", "nightly", "@daily"));

        CronTrigger trigger = (CronTrigger) quartz.getTrigger(TriggerKey.triggerKey("nightly", "default"));

        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/Paris");
    }

    @Test
    void refusesASecondScheduleOfTheSameNameOnAnAccount() {
        store.create(launch("default", "nightly", "@daily"));

        assertThatThrownBy(() -> store.create(launch("default", "nightly", "@hourly")))
                .isInstanceOf(CreateScheduleException.class)
                .hasMessage("Failed to create schedule 'nightly': a schedule of that name already exists on platform 'default'");
        store.create(launch("region-a", "nightly", "@hourly"));
    }

    @Test
    void deletedSchedulesAreGone() {
        store.create(launch("default", "nightly", "@daily"));

        store.delete("default", "nightly");

        assertThat(store.list("default")).isEmpty();
        assertThatThrownBy(() -> store.delete("default", "nightly")).isInstanceOf(UnScheduleException.class);
    }

    @Test
    void keepsWhatAFiringLaunches() throws SchedulerException {
        ScheduledLaunch launch = launch("default", "nightly", "@daily");
        store.create(launch);

        assertThat(QuartzJobData.scheduledLaunch(quartz.getJobDetail(QuartzJobData.jobKey("default", "nightly"))))
                .isEqualTo(launch);
    }

    private static ScheduledLaunch launch(String platform, String name, String cron) {
        return new ScheduledLaunch(platform, name, "probe-def", cron,
                new LaunchRequest(Map.of("app.probe.probe.sleep", "1s"), List.of("--probe.exit-message=scheduled")));
    }
}
