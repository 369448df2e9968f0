package io.offstream.tasks.ingress;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The Spark ingress job's JSON result for one partition (see IngressResult in spark-ingress-job). */
@JsonIgnoreProperties(ignoreUnknown = true)
record PartitionResult(String runKey, String partitionDate, String topic, long read, long rejected, long published,
        Map<String, Long> rejectedByReason, List<String> skippedCorruptFiles, Map<Integer, Long> endOffsets, long durationMillis,
        double rowsPerSecond) {
}
