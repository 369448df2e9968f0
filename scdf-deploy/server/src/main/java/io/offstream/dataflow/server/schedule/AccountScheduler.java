package io.offstream.dataflow.server.schedule;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.cloud.deployer.spi.scheduler.ScheduleInfo;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleRequest;
import org.springframework.cloud.deployer.spi.scheduler.Scheduler;

/**
 * The {@link Scheduler} SPI for one local platform account, backed by Quartz.
 *
 * <p>SCDF finds a platform's scheduler on each of its {@code Launcher}s and calls it without
 * saying which account it is for; the local platform has several accounts (regions) but SCDF
 * would hand them all one scheduler. Binding one instance to each account (see
 * {@link LocalLauncherSchedulers}) keeps every account's schedules apart: the dashboard lists
 * schedules platform by platform and would otherwise show each schedule once per account, and a
 * firing must launch on the account the schedule was created for.
 */
public class AccountScheduler implements Scheduler {

    private final String account;

    private final QuartzScheduleStore store;

    public AccountScheduler(String account, QuartzScheduleStore store) {
        this.account = account;
        this.store = store;
    }

    public String account() {
        return account;
    }

    @Override
    public void schedule(ScheduleRequest scheduleRequest) {
        store.create(ScheduledLaunch.from(scheduleRequest, account));
    }

    @Override
    public void unschedule(String scheduleName) {
        store.delete(account, scheduleName);
    }

    @Override
    public List<ScheduleInfo> list(String taskDefinitionName) {
        return list().stream()
                .filter(schedule -> schedule.getTaskDefinitionName().equals(taskDefinitionName))
                .collect(Collectors.toList());
    }

    @Override
    public List<ScheduleInfo> list() {
        return store.list(account);
    }

    @Override
    public String toString() {
        return "Quartz scheduler of local account '" + account + "'";
    }
}
