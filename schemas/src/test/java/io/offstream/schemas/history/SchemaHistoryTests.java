package io.offstream.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offstream.schemas.TestHistories;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaHistoryTests {

    @Test
    void classpathHoldsEveryShippedRecord() {
        SchemaHistory history = SchemaHistory.fromClasspath();

        assertThat(history.records()).extracting(RecordHistory::fullName)
                .containsExactly(Transaction.class.getName(), RiskDecision.class.getName());
        assertThat(history.require(Transaction.class.getName()).versions()).hasSize(1);
    }

    @Test
    void classpathAndSourceFolderHoldTheSameVersions() {
        SchemaHistory packaged = SchemaHistory.fromClasspath();
        SchemaHistory source = SchemaHistory.fromDirectory(TestHistories.SHIPPED);

        for (RecordHistory record : source.records()) {
            assertThat(packaged.require(record.fullName()).versions()).isEqualTo(record.versions());
        }
    }

    @Test
    void currentVersionIsTheGeneratedClassSchema() {
        SchemaHistory history = SchemaHistory.fromClasspath();

        assertThat(history.require(Transaction.class.getName()).current().fingerprint())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(Transaction.getClassSchema()));
        assertThat(history.require(RiskDecision.class.getName()).current().fingerprint())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(RiskDecision.getClassSchema()));
    }

    @Test
    void fingerprintIsAvroParsingFingerprint64() {
        SchemaVersion version = SchemaHistory.fromClasspath().require(Transaction.class.getName()).version(1);

        assertThat(version.fingerprint()).isEqualTo(SchemaNormalization.parsingFingerprint64(version.schema()));
        assertThat(version.label()).isEqualTo("Transaction v1");
    }

    @Test
    void versionsAreNumberedFromOneInFileOrder() {
        RecordHistory order = TestHistories.load("not-transitive").require("io.offstream.schemas.test.Order");

        assertThat(order.versions()).extracting(SchemaVersion::number).containsExactly(1, 2, 3);
        assertThat(order.current().number()).isEqualTo(3);
        assertThat(order.version(2).schema().getField("coupon_code")).isNotNull();
    }

    @Test
    void aGapBetweenVersionsIsRejected() {
        assertThatThrownBy(() -> TestHistories.load("gap"))
                .isInstanceOf(InvalidSchemaHistoryException.class)
                .hasMessageContaining("[1, 3]")
                .hasMessageContaining("without gaps");
    }

    @Test
    void aFolderNotNamedAfterItsRecordIsRejected() {
        assertThatThrownBy(() -> TestHistories.load("wrong-folder"))
                .isInstanceOf(InvalidSchemaHistoryException.class)
                .hasMessageContaining("defines io.offstream.schemas.test.Order, but its folder says Invoice");
    }

    @Test
    void aFileThatIsNoVersionIsRejected() {
        assertThatThrownBy(() -> TestHistories.load("stray-file"))
                .isInstanceOf(InvalidSchemaHistoryException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void aRenamedRecordIsNotANewVersion() {
        Schema order = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}");
        Schema purchase = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Purchase\",\"fields\":[]}");

        assertThatThrownBy(() -> new RecordHistory(List.of(order, purchase)))
                .isInstanceOf(InvalidSchemaHistoryException.class)
                .hasMessageContaining("version 2 of Order is named Purchase");
    }

    @Test
    void anUnknownRecordIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> SchemaHistory.fromClasspath().require("io.offstream.schemas.sample.Refund"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.offstream.schemas.sample.Refund")
                .hasMessageContaining(Transaction.class.getName());
    }
}
