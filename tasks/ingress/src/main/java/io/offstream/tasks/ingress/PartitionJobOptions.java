package io.offstream.tasks.ingress;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The Spark ingress job's options for one planned partition: the run's service, topic and
 * quarantine (as the ledger has the run), the catalogue's location, and this task's settings.
 */
final class PartitionJobOptions {

    private static final Logger log = LoggerFactory.getLogger(PartitionJobOptions.class);

    private PartitionJobOptions() {
    }

    static IngressJobOptions of(LedgerRun run, PlannedPartition partition, Path manifest, Path resultFile, IngressProperties options,
            KafkaProperties kafka, URI catalogue) {
        Map<String, String> producer = new LinkedHashMap<>();
        kafka.clientProperties().forEach((k, v) -> producer.put(k, String.valueOf(v)));
        producer.putAll(options.getProducer());
        long haltAfterRows = 0;
        IngressProperties.Fault fault = options.getFault();
        if (partition.date().toString().equals(fault.getHaltPartition()) && fault.getHaltAfterRows() > 0) {
            log.warn("Fault injection: the job of dt={} halts after {} records", partition.date(), fault.getHaltAfterRows());
            haltAfterRows = fault.getHaltAfterRows();
        }
        return new IngressJobOptions(catalogue.toString(), run.parameters().service(), run.runKey(), partition.date(),
                manifest.toString(), run.topics().ingress(), run.parameters().layout().quarantine().toString(), resultFile.toString(),
                producer, options.getOnCorruptFile(), haltAfterRows);
    }
}
