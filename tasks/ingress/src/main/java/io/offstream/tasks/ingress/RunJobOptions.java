package io.offstream.tasks.ingress;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The Spark ingress job's options for the partitions of a run that are still to publish: the
 * run's service, topic and quarantine (as the ledger has the run), the catalogue's location, and
 * this task's settings.
 */
final class RunJobOptions {

    private static final Logger log = LoggerFactory.getLogger(RunJobOptions.class);

    private RunJobOptions() {
    }

    static IngressJobOptions of(LedgerRun run, Path manifest, Path resultDir, IngressProperties options, KafkaProperties kafka,
            URI catalogue) {
        Map<String, String> producer = new LinkedHashMap<>();
        kafka.clientProperties().forEach((k, v) -> producer.put(k, String.valueOf(v)));
        producer.putAll(options.getProducer());
        IngressProperties.Fault fault = options.getFault();
        LocalDate pausePartition = null;
        long pauseAfterRows = 0;
        if (fault.getPausePartition() != null && !fault.getPausePartition().isBlank() && fault.getPauseAfterRows() > 0) {
            pausePartition = LocalDate.parse(fault.getPausePartition());
            pauseAfterRows = fault.getPauseAfterRows();
            log.warn("Fault injection: the job pauses after {} records of dt={}, to be killed from outside", pauseAfterRows, pausePartition);
        }
        return new IngressJobOptions(catalogue.toString(), run.parameters().service(), run.runKey(), manifest.toString(),
                run.topics().ingress(), run.parameters().layout().quarantine().toString(), resultDir.toString(), producer,
                options.getOnCorruptFile(), options.getParallelPartitions(), pausePartition, pauseAfterRows);
    }
}
