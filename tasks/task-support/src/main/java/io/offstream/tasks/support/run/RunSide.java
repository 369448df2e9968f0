package io.offstream.tasks.support.run;

import java.util.List;
import java.util.Locale;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunTopics;
import io.offstream.tasks.support.ledger.Phase;

/**
 * The part of a run one version of the service serves: its consumer group reads the run's ingress
 * topic, writes its own egress and DLQ topics, and lands under its own folder. A plain run has one
 * side, the baseline; a simulation has two, and the candidate's phases have their own ledger rows.
 *
 * @param which baseline or candidate
 * @param service the catalogue entry of this side's version
 * @param topics the run's ingress topic, this side's egress and DLQ topics
 * @param layout this side's landing, validation report and run report
 */
public record RunSide(Which which, String service, RunTopics topics, RunLayout layout) {

    /** The ledger row of this side's phase: the candidate's drain, egress and validation are its own. */
    public Phase phase(Phase phase) {
        return which == Which.CANDIDATE ? phase.forCandidate() : phase;
    }

    /** The consumer group that serves this side. */
    public String consumerGroup() {
        return RunTopics.consumerGroup(service);
    }

    public enum Which {
        BASELINE, CANDIDATE;

        /** {@code offstream.run.side}: empty for baseline. */
        public static Which parse(String value) {
            if (value == null || value.isBlank()) {
                return BASELINE;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRunParametersException(List.of("offstream.run.side '" + value + "' must be baseline or candidate"));
            }
        }
    }
}
