package io.offstream.tasks.support.ledger;

import java.time.Instant;

import io.offstream.tasks.support.run.RunParameters;
import io.offstream.contract.naming.RunTopics;

/** A run as the ledger holds it. */
public record LedgerRun(RunParameters parameters, RunTopics topics, int topicPartitions, Instant snapshotTime,
        String status) {

    public String runKey() {
        return parameters.runKey();
    }
}
