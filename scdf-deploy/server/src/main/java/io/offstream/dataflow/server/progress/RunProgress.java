package io.offstream.dataflow.server.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run's progress as {@code GET /offstream/runs/{key}/progress} answers it, from the run ledger.
 *
 * @param runKey the run
 * @param service its service (the baseline in a simulation)
 * @param candidate a simulation's second version; null for a plain run
 * @param status the run's status in the ledger (PLANNED, INGRESSED, ...)
 * @param phases every phase row of the run, in the order they started
 * @param current the phase working now (else the one that ended last) and how far it is; null before any phase
 * @param lag each consumer group's newest lag on the run's ingress topic, as the phases sampled it
 * @param lastEvent the newest progress line or event of the run (with its child runs' when asked)
 */
public record RunProgress(String runKey, String service, String candidate, String status, List<Phase> phases, Current current,
        Map<String, Long> lag, String lastEvent) {

    /** One phase row: status, attempts, times and counts as the phase recorded them. */
    public record Phase(String phase, String status, int attempts, Instant startedAt, Instant endedAt, Map<String, Long> counts,
            String message) {
    }

    /**
     * Where the current phase stands.
     *
     * @param done rows (records, keys) done so far by the phase; null when the phase records no rows (plan)
     * @param total what {@code done} goes up to; null when the phase cannot know
     * @param partitionsDone partitions done, for a phase that works by partition (ingress); else null
     * @param partitionsTotal its planned partitions; else null
     * @param ratePerSecond rows per second over the last {@value RunProgressReader#RATE_WINDOW_SECONDS} s of samples
     * @param secondsLeft time left at that pace; null when it cannot be told
     * @param elapsedSeconds since the phase started
     */
    public record Current(String phase, String status, Long done, Long total, Long partitionsDone, Long partitionsTotal,
            double ratePerSecond, Long secondsLeft, long elapsedSeconds) {
    }
}
