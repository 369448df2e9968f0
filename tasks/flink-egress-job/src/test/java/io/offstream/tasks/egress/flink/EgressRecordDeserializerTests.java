package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.schemas.codec.GenericRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EgressRecordDeserializerTests {

    private static final String TOPIC = "offstream.quote.r1.egress";
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    private final GenericRecordCodec codec = new GenericRecordCodec(QuoteResults.SERVICE.schemaStore());
    private final EgressRecordDeserializer deserializer = new EgressRecordDeserializer(ServiceSchemas.of(QuoteResults.SERVICE));
    private final List<EgressRecord> out = new ArrayList<>();
    private final Collector<EgressRecord> collector = new Collector<>() {
        @Override
        public void collect(EgressRecord record) {
            out.add(record);
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void open() {
        deserializer.open(null);
    }

    @Test
    void theKafkaKeyIsTheDedupeKeyAndThePartitionDateHeaderTheLandingDay() throws Exception {
        byte[] value = codec.encode(QuoteResults.quote(1001, 2, DAY, 1).value());

        deserializer.deserialize(record(3, 42, "1001|2", value, DAY.toString()), collector);

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key).isEqualTo("1001|2");
            assertThat(r.dt).isEqualTo("2026-03-02");
            assertThat(r.partition).isEqualTo(3);
            assertThat(r.offset).isEqualTo(42);
            assertThat(r.value).isEqualTo(value);
        });
    }

    @Test
    void aResultWithoutLandingDayKeyOrDecodableValueFailsNamingItsPosition() {
        byte[] value = codec.encode(QuoteResults.quote(1001, 2, DAY, 2).value());

        assertThatThrownBy(() -> deserializer.deserialize(record(1, 7, "1001|2", value, null), collector))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageStartingWith("Undecodable record on " + TOPIC + " partition 1 offset 7: it has no "
                        + RunHeaders.PARTITION_DATE + " header");
        assertThatThrownBy(() -> deserializer.deserialize(record(1, 8, "1001|2", value, "03/02/2026"), collector))
                .hasMessageContaining("offset 8: its offstream.partition.date header '03/02/2026' is not yyyy-MM-dd");
        assertThatThrownBy(() -> deserializer.deserialize(record(1, 9, null, value, DAY.toString()), collector))
                .hasMessageContaining("offset 9: it has no key");
        assertThatThrownBy(() -> deserializer.deserialize(record(1, 10, "1001|2", "x".getBytes(StandardCharsets.UTF_8),
                DAY.toString()), collector)).hasMessageContaining("offset 10: ");
        assertThatThrownBy(() -> deserializer.deserialize(record(1, 11, "1001", value, DAY.toString()), collector))
                .hasMessageContaining("offset 11: key '1001' has 1 parts");
        assertThat(out).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key, byte[] value, String day) {
        RecordHeaders headers = new RecordHeaders();
        if (day != null) {
            headers.add(RunHeaders.PARTITION_DATE, day.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(TOPIC, partition, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }
}
