package io.offstream.launcher.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import io.offstream.launcher.Console;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * The {@code down} command (down.sh): stops what up started (the processes recorded under
 * .offstream/pids) and the task processes its SCDF server launched. Idempotent; no other process of the user's is touched.
 */
public final class PlatformDown {

    /** A composed runner records its job STOPPED (restartable) within 20 s, and a phase its end. */
    static final Duration TASK_GRACE = Duration.ofSeconds(30);

    private final PidRecords pids;

    private final ProcFs proc;

    private final TaskProcesses tasks;

    private final ComponentStopper stopper;

    private final Console console;

    public PlatformDown(PidRecords pids, ProcFs proc, TaskProcesses tasks, ComponentStopper stopper, Console console) {
        this.pids = pids;
        this.proc = proc;
        this.tasks = tasks;
        this.stopper = stopper;
        this.console = console;
    }

    public void down() {
        // tasks first, while the database they record their end in (and Kafka, the registry) are still up;
        // the server's session is noted now, as it is gone once the server stops
        OptionalLong serverSession = pids.runningPid("dataflow").stream().mapToObj(proc::session).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).findFirst();
        tasks.stop(serverSession, components(), TASK_GRACE);
        // reverse start order: the services that use Kafka and SCDF's database go first
        List<String> order = new ArrayList<>(List.of("region-registry"));
        order.addAll(pids.names("consumer"));
        order.addAll(List.of("realtime", "pricing-service", "dataflow"));
        // the engine clusters (up --cluster), in reverse start order: no job runs on them any more
        List<String> clusters = new ArrayList<>(EngineClusters.names());
        Collections.reverse(clusters);
        order.addAll(clusters);
        order.forEach(stopper::stop);
        // a task a runner launched while the others stopped
        tasks.stop(serverSession, components(), TASK_GRACE);
        stopper.stop("kafka");
        // last: the server and the registry kept sessions on it (SIGTERM: PostgreSQL's smart shutdown, nothing lost)
        stopper.stop(PlatformUp.POSTGRES);
        console.say("down");
    }

    private Set<Long> components() {
        return new HashSet<>(pids.allPids());
    }
}
