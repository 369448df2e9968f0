package io.offstream.tasks.support.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A phase's ledger row, for the whole run ({@code partitionDate == null}) or one partition.
 */
public record PhaseRecord(String runKey, Phase phase, LocalDate partitionDate, PhaseStatus status, PhaseCounts counts,
        int attempts, Long taskExecutionId, Instant startedAt, Instant endedAt, String message) {

    public boolean completed() {
        return status == PhaseStatus.COMPLETED;
    }
}
