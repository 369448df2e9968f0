package io.offstream.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.TestHistories;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class HistorySchemaStoreTests {

    @Test
    void findsEveryVersionOfEveryRecordByItsParsingFingerprint() {
        SchemaHistory history = SchemaHistory.fromClasspath();
        HistorySchemaStore store = new HistorySchemaStore(history);

        for (RecordHistory record : history.records()) {
            for (SchemaVersion version : record.versions()) {
                long fingerprint = SchemaNormalization.parsingFingerprint64(version.schema());
                assertThat(store.findByFingerprint(fingerprint)).isEqualTo(version.schema());
                assertThat(store.findVersion(fingerprint)).contains(version);
            }
        }
    }

    @Test
    void findsOlderVersionsToo() {
        HistorySchemaStore store = new HistorySchemaStore(TestHistories.load("compatible"));
        RecordHistory order = store.history().require("io.offstream.schemas.test.Order");

        assertThat(store.findVersion(order.version(1).fingerprint())).contains(order.version(1));
        assertThat(store.findVersion(order.version(2).fingerprint())).contains(order.version(2));
    }

    @Test
    void answersNullForAnUnknownFingerprintAsSchemaStoreRequires() {
        HistorySchemaStore store = HistorySchemaStore.fromClasspath();

        assertThat(store.findByFingerprint(0x1122334455667788L)).isNull();
        assertThat(store.findVersion(0x1122334455667788L)).isEmpty();
    }

    @Test
    void fingerprintsPrintAsNumberAndAsWireBytes() {
        assertThat(Fingerprints.hex(0x1122334455667788L)).isEqualTo("0x1122334455667788");
        assertThat(Fingerprints.wireBytes(0x1122334455667788L)).isEqualTo("88 77 66 55 44 33 22 11");
    }
}
