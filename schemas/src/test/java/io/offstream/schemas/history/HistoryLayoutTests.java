package io.offstream.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class HistoryLayoutTests {

    @Test
    void versionFilesAreNamedVAndNumber() {
        assertThat(HistoryLayout.versionFileName(12)).isEqualTo("v12.avsc");
        assertThat(HistoryLayout.versionOf("v12.avsc")).hasValue(12);
        assertThat(HistoryLayout.versionOf("v0.avsc")).isEmpty();
        assertThat(HistoryLayout.versionOf("v01.avsc")).isEmpty();
        assertThat(HistoryLayout.versionOf("Transaction.avsc")).isEmpty();
        assertThat(HistoryLayout.resourceName("Transaction", 2)).isEqualTo("offstream/schemas/Transaction/v2.avsc");
    }

    @Test
    void indexIgnoresCommentsAndBlankLines() throws Exception {
        String index = "# records\n\nTransaction\n  RiskDecision  # the verdict\n";

        assertThat(HistoryLayout.readIndex(new StringReader(index))).containsExactly("Transaction", "RiskDecision");
    }
}
