package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.CoercionFixture.accepted;
import static io.offstream.contract.coerce.CoercionFixture.rejected;
import static io.offstream.contract.coerce.CoercionFixture.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/** The descriptor's constraints, applied after type coercion. */
class ConstraintCheckTests {

    @Test
    void minRejectsSmallerNumbersAsOutOfRange() {
        RowCoercer coercer = single("\"long\"", "{min: 0}");
        assertThat(accepted(coercer, "0")).isEqualTo(0L);
        Rejection r = rejected(coercer, "-5");
        assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(r.message()).isEqualTo("v '-5' is below the minimum 0");
    }

    @Test
    void maxRejectsLargerNumbersAsOutOfRange() {
        RowCoercer coercer = single("\"double\"", "{max: 0.1}");
        assertThat(accepted(coercer, 0.1d)).isEqualTo(0.1d);
        assertThat(rejected(coercer, 0.11d).message()).isEqualTo("v '0.11' is above the maximum 0.1");
        assertThat(rejected(coercer, "NaN").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(accepted(single("\"float\"", "{max: 0.1}"), 0.1f)).isEqualTo(0.1f);
    }

    @Test
    void minAndMaxApplyToDecimals() {
        RowCoercer coercer = single(LogicalTypeCoercionTests.DECIMAL_BYTES, "{min: 0.01, max: 100}");
        assertThat(LogicalTypeCoercionTests.decimalOf(LogicalTypeCoercionTests.DECIMAL_BYTES, accepted(coercer, "100.00")))
                .isEqualTo(new BigDecimal("100.00"));
        assertThat(rejected(coercer, "0").reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(rejected(coercer, "100.01").message()).isEqualTo("v '100.01' is above the maximum 100");
    }

    @Test
    void aPatternMustMatchTheWholeText() {
        RowCoercer coercer = single("\"string\"", "{pattern: \"[A-Z]{3}-[0-9]+\"}");
        assertThat(accepted(coercer, " ABC-12 ")).isEqualTo("ABC-12");
        Rejection r = rejected(coercer, "xABC-12");
        assertThat(r.reason()).isEqualTo(RejectReason.PATTERN_MISMATCH);
        assertThat(r.message()).isEqualTo("v 'xABC-12' does not match [A-Z]{3}-[0-9]+");
    }

    @Test
    void maxLengthCountsCharactersAndTheMessageAbbreviatesTheValue() {
        RowCoercer coercer = single("[\"null\", \"string\"]", "{max-length: 5}");
        assertThat(accepted(coercer, "äöüß€")).isEqualTo("äöüß€");
        Rejection r = rejected(coercer, "x".repeat(600));
        assertThat(r.reason()).isEqualTo(RejectReason.TOO_LONG);
        assertThat(r.message()).isEqualTo("v '" + "x".repeat(37) + "...' has 600 characters, more than the 5 allowed");
    }

    @Test
    void inAListComparesExactly() {
        RowCoercer coercer = single("\"string\"", "{in: [card, wallet]}");
        assertThat(accepted(coercer, "wallet")).isEqualTo("wallet");
        Rejection r = rejected(coercer, "Card");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_IN_SET);
        assertThat(r.message()).isEqualTo("v 'Card' is not one of [card, wallet]");
    }

    @Test
    void aNamedSetComparesUpperCasedAndStoresTheSetsSpelling() {
        RowCoercer coercer = single("\"string\"", "{in: iso-4217}");
        assertThat(accepted(coercer, " usd ")).isEqualTo("USD");
        Rejection r = rejected(coercer, "QQQ");
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_IN_SET);
        assertThat(r.message()).isEqualTo("v 'QQQ' is not in iso-4217");
        assertThat(accepted(single("\"string\"", "{in: iso-3166}"), "de")).isEqualTo("DE");
        assertThat(rejected(single("\"string\"", "{in: iso-3166}"), "XX").reason()).isEqualTo(RejectReason.NOT_IN_SET);
    }

    @Test
    void textConstraintsApplyToEnumSymbols() {
        String currency = "{\"type\": \"enum\", \"name\": \"Cur\", \"symbols\": [\"EUR\", \"XXX\"]}";
        assertThat(accepted(single(currency, "{in: iso-4217}"), "EUR")).isInstanceOf(GenericData.EnumSymbol.class);
        assertThat(rejected(single(currency, "{in: [EUR]}"), "XXX").reason()).isEqualTo(RejectReason.NOT_IN_SET);
    }

    @Test
    void aNullValueIsNotChecked() {
        assertThat(accepted(single("[\"null\", \"string\"]", "{in: iso-3166}"), null)).isNull();
    }
}
