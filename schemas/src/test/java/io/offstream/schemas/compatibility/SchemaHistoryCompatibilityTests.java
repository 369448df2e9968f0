package io.offstream.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.TestHistories;
import io.offstream.schemas.history.SchemaHistory;
import java.util.List;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Test;

class SchemaHistoryCompatibilityTests {

    private final SchemaHistoryCompatibility compatibility = new SchemaHistoryCompatibility();

    @Test
    void shippedHistoryIsCompatible() {
        assertThat(compatibility.check(SchemaHistory.fromClasspath())).isEmpty();
    }

    @Test
    void newOptionalFieldWithDefaultIsCompatible() {
        assertThat(compatibility.check(TestHistories.load("compatible"))).isEmpty();
    }

    @Test
    void newFieldWithoutDefaultIsReportedByName() {
        List<VersionIncompatibility> found = compatibility.check(TestHistories.load("new-field-without-default"));

        assertThat(found).singleElement().satisfies(incompatibility -> {
            assertThat(incompatibility.recordName()).isEqualTo("io.offstream.schemas.test.Order");
            assertThat(incompatibility.readerVersion()).isEqualTo(2);
            assertThat(incompatibility.writerVersion()).isEqualTo(1);
            assertThat(incompatibility.type()).isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
            assertThat(incompatibility.path()).isEqualTo("channel");
            assertThat(incompatibility.describe())
                    .startsWith("io.offstream.schemas.test.Order v2 cannot read data written with v1")
                    .contains("field 'channel'")
                    .contains("no default");
        });
    }

    @Test
    void typeChangeIsReportedByFieldWithAvrosDescription() {
        List<VersionIncompatibility> found = compatibility.check(TestHistories.load("type-change"));

        assertThat(found).singleElement().satisfies(incompatibility -> {
            assertThat(incompatibility.type()).isEqualTo(SchemaIncompatibilityType.TYPE_MISMATCH);
            assertThat(incompatibility.path()).isEqualTo("amount_minor");
            assertThat(incompatibility.location()).isEqualTo("/fields/1/type");
            assertThat(incompatibility.describe())
                    .contains("v2 cannot read data written with v1")
                    .contains("field 'amount_minor'")
                    .contains("reader type: INT not compatible with writer type: LONG");
        });
    }

    @Test
    void everyVersionIsCheckedAgainstAllEarlierOnesNotOnlyThePrevious() {
        List<VersionIncompatibility> found = compatibility.check(TestHistories.load("not-transitive"));

        assertThat(found).singleElement().satisfies(incompatibility -> {
            assertThat(incompatibility.readerVersion()).isEqualTo(3);
            assertThat(incompatibility.writerVersion()).isEqualTo(1);
            assertThat(incompatibility.path()).isEqualTo("coupon_code");
        });
    }
}
