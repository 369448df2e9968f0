package io.offstream.tasks.composed.child;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.tasks.composed.dataflow.DataFlowTaskClient;

/**
 * Whether one followed child's process is still there. A task killed outright (SIGKILL, the OOM
 * killer) never records its end, so SCDF shows it running for ever; Offstream's server also says
 * whether its process is gone. Gone must last a grace with still no end, because a task that exits
 * normally records its end a moment after its process is gone. A server that does not say (a stock
 * SCDF, an error) leaves the child followed as before.
 */
final class ProcessWatch {

    private static final Logger log = LoggerFactory.getLogger(ProcessWatch.class);

    private final DataFlowTaskClient client;

    private final Duration grace;

    /** System.nanoTime() when the process was first reported gone without a break since; null while it is not. */
    private Long goneSince;

    ProcessWatch(DataFlowTaskClient client, Duration grace) {
        this.client = client;
        this.grace = grace;
    }

    /** Asks about a child with no end yet; throws {@link ChildProcessLostException} once its process has been gone for the grace. */
    void check(String definitionName, long executionId) {
        Optional<String> gone = client.processGoneWithoutEnd(executionId);
        if (gone.isEmpty()) {
            goneSince = null;
            return;
        }
        if (goneSince == null) {
            goneSince = System.nanoTime();
            log.info("Child {} (task execution {}): its process is gone (launcher state {}) but no end is recorded; "
                    + "it counts as lost if none is within {} s", definitionName, executionId, gone.get(), grace.toMillis() / 1000.0);
        }
        if (System.nanoTime() - goneSince >= grace.toNanos()) {
            throw new ChildProcessLostException(definitionName, executionId, gone.get());
        }
    }
}
