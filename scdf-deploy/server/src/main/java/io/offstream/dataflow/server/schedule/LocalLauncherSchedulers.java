package io.offstream.dataflow.server.schedule;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskPlatform;
import org.springframework.cloud.dataflow.core.TaskPlatformFactory;

/**
 * Gives every launcher of SCDF's local task platform its own account's {@link AccountScheduler}.
 *
 * <p>SCDF's {@code TaskConfiguration} builds the local platform with one {@code Scheduler} bean
 * for all its launchers, and {@code DefaultSchedulerService} takes the scheduler from the launcher
 * of the platform a request names ({@code Launcher#getScheduler}). Re-binding each launcher here,
 * once, when the server starts, makes {@code POST/GET/DELETE /tasks/schedules?platform=<account>}
 * work per account for {@code default} and every other configured local account. Launchers of
 * other platform types (Kubernetes, Cloud Foundry) keep their own schedulers.
 */
public class LocalLauncherSchedulers {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncherSchedulers.class);

    private final Set<String> accounts = new TreeSet<>();

    public LocalLauncherSchedulers(QuartzScheduleStore store, List<TaskPlatform> platforms) {
        for (TaskPlatform platform : platforms) {
            for (Launcher launcher : platform.getLaunchers()) {
                if (TaskPlatformFactory.LOCAL_PLATFORM_TYPE.equals(launcher.getType())) {
                    bind(launcher, store);
                }
            }
        }
        log.info("Local platform accounts {} schedule with Quartz", accounts);
    }

    private void bind(Launcher launcher, QuartzScheduleStore store) {
        String account = launcher.getName();
        boolean bound = launcher.getScheduler() instanceof AccountScheduler scheduler && scheduler.account().equals(account);
        if (!bound) {
            launcher.setScheduler(new AccountScheduler(account, store));
        }
        accounts.add(account);
    }

    /** Whether a platform account is a local one scheduled here. */
    public boolean serves(String account) {
        return account != null && accounts.contains(account);
    }
}
