package io.offstream.tasks.support.ledger;

import java.time.Instant;
import java.util.List;

import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.contract.naming.RunTopics;

/** A run as the ledger holds it. */
public record LedgerRun(RunParameters parameters, RunTopics topics, int topicPartitions, Instant snapshotTime,
        String status) {

    public String runKey() {
        return parameters.runKey();
    }

    /** One side of the run as planned: the ingress topic the ledger recorded, the side's own egress, DLQ and landing. */
    public RunSide side(RunSide.Which which) {
        RunSide side = parameters.side(which);
        return new RunSide(which, side.service(), new RunTopics(topics.ingress(), side.topics().egress(), side.topics().dlq()),
                side.layout());
    }

    /** Every side of the run as planned: the baseline, and the candidate in a simulation. */
    public List<RunSide> sides() {
        return parameters.simulation() ? List.of(side(RunSide.Which.BASELINE), side(RunSide.Which.CANDIDATE))
                : List.of(side(RunSide.Which.BASELINE));
    }
}
