package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;

/** One day of a sample dataset as the writer needs it: the rows, and what ingress should make of them. */
public interface GeneratedDay {

    LocalDate date();

    /** The rows in file order, of the dataset's warehouse schema. */
    List<GenericRecord> rows();

    /** Bad rows per kind name, in the kinds' order; kinds without a row are left out. */
    Map<String, Integer> badCountsByKind();

    /** The record keys (as the run contract writes them) ingress should accept: the good rows'. */
    List<String> acceptedKeys();
}
