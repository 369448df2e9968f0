package io.offstream.tasks.composed.graph;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.dataflow.core.dsl.TaskAppNode;
import org.springframework.cloud.dataflow.core.dsl.TaskNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionTableTests {

    @Test
    void exactStatusWinsOverWildcard() {
        TransitionTable table = tableOf("ct-a 'FAILED'->ct-b '*'->ct-c");

        assertThat(table.match("FAILED", 1)).contains(0);
        assertThat(table.match("COMPLETED", 0)).contains(1);
    }

    @Test
    void longerPatternWinsOverShorter() {
        TransitionTable table = tableOf("ct-a 'F*'->ct-b 'FAIL*'->ct-c");

        assertThat(table.match("FAILED", 1)).contains(1);
        assertThat(table.match("FINE", 0)).contains(0);
    }

    @Test
    void nothingMatchesWithoutATransition() {
        assertThat(tableOf("ct-a 'FAILED'->ct-b").match("COMPLETED", 0)).isEmpty();
        assertThat(tableOf("ct-a && ct-b").match("FAILED", 1)).isEmpty();
    }

    @Test
    void invalidGraphIsRefusedByTheParser() {
        assertThatThrownBy(() -> ComposedJobFactory.parse("ct", "ct-a &&")).hasMessageContaining("ct-a");
    }

    private static TransitionTable tableOf(String graph) {
        TaskNode root = ComposedJobFactory.parse("ct", graph);
        return TransitionTable.of((TaskAppNode) root.getStart().getSeriesElement(0));
    }
}
