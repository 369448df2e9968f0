package io.offstream.tasks.egress.flink;

/**
 * One result read from the egress topic, already checked to land: its record key, its landing day,
 * where it was read, and the value as it came (decoded again only for the rows that land). A Flink
 * POJO, so the shuffle by {@code key} serializes it without Kryo.
 */
public class EgressRecord {

    /** The Kafka key as text (UTF-8): the request's record key; exactly one row per key lands. */
    public String key;
    /** {@code YYYY-MM-DD} of the {@code offstream.partition.date} header: the source row's dt= day. */
    public String dt;
    public int partition;
    public long offset;
    /** The Kafka value: Avro single-object encoding of a response. */
    public byte[] value;

    public EgressRecord() {
    }

    public EgressRecord(String key, String dt, int partition, long offset, byte[] value) {
        this.key = key;
        this.dt = dt;
        this.partition = partition;
        this.offset = offset;
        this.value = value;
    }

    /** The deterministic order among duplicates: the first read position wins. */
    public boolean readBefore(EgressRecord other) {
        return partition != other.partition ? partition < other.partition : offset < other.offset;
    }

    @Override
    public String toString() {
        return key + "@" + partition + ":" + offset;
    }
}
