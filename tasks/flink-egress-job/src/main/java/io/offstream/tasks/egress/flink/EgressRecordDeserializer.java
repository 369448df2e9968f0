package io.offstream.tasks.egress.flink;

import io.offstream.contract.naming.RunHeaders;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns an egress record into an {@link EgressRecord}: the Kafka key (UTF-8) is the dedupe key, the
 * {@code offstream.partition.date} header the landing day; the value is decoded once here to check it
 * lands. A record without key or day, or whose value or key does not fit the service, fails the job
 * with its topic, partition and offset: nothing is dropped silently.
 */
public class EgressRecordDeserializer implements KafkaRecordDeserializationSchema<EgressRecord> {

    private static final long serialVersionUID = 1L;

    private final ServiceSchemas schemas;

    private transient LandingRows rows;

    public EgressRecordDeserializer(ServiceSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        rows = schemas.landingRows();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<EgressRecord> out)
            throws UndecodableRecordException {
        String key;
        String day;
        try {
            key = key(record);
            day = partitionDate(record);
            rows.check(key, record.value());
        } catch (RuntimeException e) {
            throw new UndecodableRecordException(record.topic(), record.partition(), record.offset(), e);
        }
        out.collect(new EgressRecord(key, day, record.partition(), record.offset(), record.value()));
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("it has no key (results carry the record key of their request)");
        }
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The landing day; the consumer copies the header from the ingress event to its result. */
    static String partitionDate(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(RunHeaders.PARTITION_DATE);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("it has no " + RunHeaders.PARTITION_DATE + " header (its landing day)");
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its " + RunHeaders.PARTITION_DATE + " header '" + text + "' is not yyyy-MM-dd");
        }
    }

    @Override
    public TypeInformation<EgressRecord> getProducedType() {
        return TypeInformation.of(EgressRecord.class);
    }
}
