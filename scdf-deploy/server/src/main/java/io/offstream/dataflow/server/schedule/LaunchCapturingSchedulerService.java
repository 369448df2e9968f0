package io.offstream.dataflow.server.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.dataflow.server.repository.NoSuchScheduleException;
import org.springframework.cloud.dataflow.server.service.SchedulerService;
import org.springframework.cloud.deployer.spi.scheduler.CreateScheduleException;
import org.springframework.cloud.deployer.spi.scheduler.ScheduleInfo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * SCDF's {@link SchedulerService} with what the local platform's scheduler needs in front of it.
 *
 * <p>For schedules on a local account it:
 * <ul>
 * <li>accepts the cron under any of its names ({@link ScheduleKeys}) and refuses an invalid one
 * before SCDF does any work, as HTTP 400 with a message that says what is wrong;</li>
 * <li>attaches the user's own properties and arguments ({@link LaunchRequest}) so that a firing
 * can launch through SCDF's normal launch path; SCDF's service rewrites both on the way to the
 * SPI;</li>
 * <li>reads the 2.5.1 shell's arguments, which arrive as one JSON array ({@link ShellArguments});</li>
 * <li>reads "no platform given" (the 2.5.1 shell never gives one) as the {@code default} account,
 * where SCDF would pick the last local account configured, so create, list and delete agree;</li>
 * <li>answers bad requests SCDF signals with {@link IllegalArgumentException} (unknown property
 * prefix, unknown platform) with 400 instead of 500, and deleting an unknown schedule with 404.</li>
 * </ul>
 * Everything else, and every other platform type, goes to SCDF's service unchanged.
 */
public class LaunchCapturingSchedulerService implements SchedulerService {

    static final String DEFAULT_ACCOUNT = "default";

    private final SchedulerService scdf;

    private final LocalLauncherSchedulers local;

    private final SchedulerProperties properties;

    public LaunchCapturingSchedulerService(SchedulerService scdf, LocalLauncherSchedulers local,
            SchedulerProperties properties) {
        this.scdf = scdf;
        this.local = local;
        this.properties = properties;
    }

    @Override
    public void schedule(String scheduleName, String taskDefinitionName, Map<String, String> taskDeploymentProperties,
            List<String> commandLineArgs) {
        schedule(scheduleName, taskDefinitionName, taskDeploymentProperties, commandLineArgs, null);
    }

    @Override
    public void schedule(String scheduleName, String taskDefinitionName, Map<String, String> taskDeploymentProperties,
            List<String> commandLineArgs, String platformName) {
        String platform = platform(platformName);
        if (!local.serves(platform)) {
            refusingIllegalArguments(scheduleName, () -> scdf.schedule(scheduleName, taskDefinitionName,
                    taskDeploymentProperties, commandLineArgs, platformName));
            return;
        }
        Map<String, String> given = taskDeploymentProperties == null ? Map.of() : taskDeploymentProperties;
        List<String> arguments = commandLineArgs == null ? List.of() : ShellArguments.unwrap(commandLineArgs);
        String cron = ScheduleKeys.cronExpression(given);
        CronExpressions.toQuartz(cron, properties.zone());
        LaunchRequest launch = new LaunchRequest(ScheduleKeys.launchProperties(given), arguments);
        Map<String, String> forScdf = new LinkedHashMap<>(launch.properties());
        forScdf.put(ScheduleKeys.CRON_EXPRESSION, cron);
        forScdf.putAll(launch.asSchedulerProperties());
        refusingIllegalArguments(scheduleName,
                () -> scdf.schedule(scheduleName, taskDefinitionName, forScdf, new ArrayList<>(arguments), platform));
    }

    /** SCDF refuses bad schedule requests (unknown platform, property prefix) as illegal arguments: 400, not 500. */
    private static void refusingIllegalArguments(String scheduleName, Runnable scheduling) {
        try {
            scheduling.run();
        }
        catch (IllegalArgumentException e) {
            throw new CreateScheduleException("'" + scheduleName + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void unschedule(String scheduleName) {
        unschedule(scheduleName, null);
    }

    @Override
    public void unschedule(String scheduleName, String platformName) {
        String platform = platform(platformName);
        if (local.serves(platform) && scdf.getSchedule(scheduleName, platform) == null) {
            throw new NoSuchScheduleException("Schedule [" + scheduleName + "] doesn't exist on platform [" + platform + "]");
        }
        scdf.unschedule(scheduleName, platform);
    }

    @Override
    public void unscheduleForTaskDefinition(String taskDefinitionName) {
        scdf.unscheduleForTaskDefinition(taskDefinitionName);
    }

    @Override
    public List<ScheduleInfo> list(Pageable pageable, String taskDefinitionName, String platformName) {
        return scdf.list(pageable, taskDefinitionName, platform(platformName));
    }

    @Override
    public Page<ScheduleInfo> list(Pageable pageable, String platformName) {
        return scdf.list(pageable, platform(platformName));
    }

    @Override
    public Page<ScheduleInfo> list(Pageable pageable) {
        return scdf.list(pageable);
    }

    @Override
    public List<ScheduleInfo> list(String taskDefinitionName, String platformName) {
        return scdf.list(taskDefinitionName, platform(platformName));
    }

    @Override
    public List<ScheduleInfo> list(String taskDefinitionName) {
        return list(taskDefinitionName, null);
    }

    @Override
    public List<ScheduleInfo> listForPlatform(String platformName) {
        return scdf.listForPlatform(platform(platformName));
    }

    @Override
    public List<ScheduleInfo> list() {
        return listForPlatform(null);
    }

    @Override
    public ScheduleInfo getSchedule(String scheduleName, String platformName) {
        return scdf.getSchedule(scheduleName, platform(platformName));
    }

    @Override
    public ScheduleInfo getSchedule(String scheduleName) {
        return getSchedule(scheduleName, null);
    }

    /** The platform a request means: as given, or the {@code default} local account when none is given. */
    private String platform(String platformName) {
        if (platformName != null && !platformName.isBlank()) {
            return platformName;
        }
        return local.serves(DEFAULT_ACCOUNT) ? DEFAULT_ACCOUNT : null;
    }
}
