package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiffSummaryTests {

    private static final URI FILE = URI.create("file:/l/risk/_diff/run=k/summary.json");

    @Test
    void readsTheCountsFieldsNumericDeltasAndSample() throws Exception {
        DiffSummary diff = DiffSummary.of(FILE, new ObjectMapper().readTree("""
                {"identical": 9, "changed": 2, "onlyA": 1, "onlyB": 0, "fields": {"score": 2},
                 "numeric": {"score": {"keys": 11, "min": -1, "avg": 0.5, "max": "12.50"}},
                 "sample": [{"key": {"id": 1, "line": 2}, "fields": {"score": {"a": 1, "b": null}, "tag": {"a": "x", "b": ["y"]}}}]}
                """));

        assertThat(diff.identical()).isEqualTo(9);
        assertThat(diff.fields()).containsExactly(Map.entry("score", 2L));
        assertThat(diff.numeric()).containsExactly(new DiffSummary.NumericDelta("score", "11", "-1", "0.5", "12.50"));
        assertThat(diff.sample()).containsExactly(new DiffSummary.SampleRow("id=1, line=2",
                Map.of("score", List.of("1", "null"), "tag", List.of("x", "[\"y\"]"))));
    }

    @Test
    void toleratesMissingKeys() throws Exception {
        DiffSummary diff = DiffSummary.of(FILE, new ObjectMapper().readTree("{\"changed\": 3, \"sample\": [{}]}"));

        assertThat(diff.changed()).isEqualTo(3);
        assertThat(diff.identical()).isNull();
        assertThat(diff.fields()).isEmpty();
        assertThat(diff.numeric()).isEmpty();
        assertThat(diff.sample()).containsExactly(new DiffSummary.SampleRow("", Map.of()));
    }
}
