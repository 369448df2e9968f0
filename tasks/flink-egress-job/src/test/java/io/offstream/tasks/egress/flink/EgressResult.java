package io.offstream.tasks.egress.flink;

import java.time.LocalDate;
import org.apache.avro.generic.GenericRecord;

/**
 * One result as the service consumer writes it to the egress topic: the request's record key, the
 * partition date header copied from the ingress event, and the response.
 */
record EgressResult(String key, LocalDate day, GenericRecord value) {
}
