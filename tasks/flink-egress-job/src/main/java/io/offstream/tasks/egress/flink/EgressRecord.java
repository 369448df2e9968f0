package io.offstream.tasks.egress.flink;

/**
 * One result read from the egress topic, already checked to decode: its key, its landing day, where
 * it was read, and the value as it came (decoded again only for the rows that land). A Flink POJO,
 * so the shuffle by {@code txnId} serializes it without Kryo.
 */
public class EgressRecord {

    /** The result's {@code txn_id}: exactly one row per value lands. */
    public String txnId;
    /** {@code YYYY-MM-DD} of the result's {@code event_time} in UTC. */
    public String dt;
    public int partition;
    public long offset;
    /** The Kafka value: Avro single-object encoding. */
    public byte[] value;

    public EgressRecord() {
    }

    public EgressRecord(String txnId, String dt, int partition, long offset, byte[] value) {
        this.txnId = txnId;
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
        return txnId + "@" + partition + ":" + offset;
    }
}
