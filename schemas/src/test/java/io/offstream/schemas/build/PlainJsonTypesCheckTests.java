package io.offstream.schemas.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.TestHistories;
import io.offstream.schemas.history.SchemaHistory;
import org.junit.jupiter.api.Test;

class PlainJsonTypesCheckTests {

    @Test
    void shippedHistoryUsesOnlyPlainJsonTypes() {
        assertThat(PlainJsonTypesCheck.problems(SchemaHistory.fromClasspath())).isEmpty();
    }

    @Test
    void decimalIsRejectedWithItsPath() {
        assertThat(PlainJsonTypesCheck.problems(TestHistories.load("with-decimal")))
                .containsExactly("Order v1 uses bytes (decimal) at Order.amount: not allowed, its JSON form is"
                        + " ambiguous; use long minor units or a string");
    }
}
