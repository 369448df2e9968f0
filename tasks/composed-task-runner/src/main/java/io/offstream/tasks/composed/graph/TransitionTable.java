package io.offstream.tasks.composed.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.support.PatternMatcher;
import org.springframework.cloud.dataflow.core.dsl.TaskAppNode;
import org.springframework.cloud.dataflow.core.dsl.TransitionNode;

/**
 * The transitions written after one child in the DSL ({@code a 'FAILED'->b '*'->c}, or an exit
 * code: {@code a 3->b}), and which one a child's outcome takes. Exact statuses win over
 * patterns, and among patterns the one with the most literal characters wins, as in Spring
 * Batch's own transition ordering.
 */
public final class TransitionTable {

    private final List<TransitionNode> transitions;

    public TransitionTable(List<TransitionNode> transitions) {
        this.transitions = List.copyOf(transitions);
    }

    public static TransitionTable of(TaskAppNode node) {
        return new TransitionTable(node.hasTransitions() ? node.getTransitions() : List.of());
    }

    public List<TransitionNode> transitions() {
        return transitions;
    }

    /** The index of the transition the outcome takes, if any. */
    public Optional<Integer> match(String status, int exitCode) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            if (matches(transitions.get(i), status, exitCode)) {
                candidates.add(i);
            }
        }
        return candidates.stream().max(Comparator.comparingInt(i -> specificity(transitions.get(i))));
    }

    private static boolean matches(TransitionNode transition, String status, int exitCode) {
        String expected = transition.getStatusToCheck();
        if (transition.isExitCodeCheck()) {
            return Integer.toString(exitCode).equals(expected);
        }
        return PatternMatcher.match(expected, status);
    }

    /** Exact beats pattern; a longer literal part beats a shorter one. */
    private static int specificity(TransitionNode transition) {
        String expected = transition.getStatusToCheck();
        boolean pattern = expected.contains("*") || expected.contains("?");
        int literal = expected.replace("*", "").replace("?", "").length();
        return (pattern ? 0 : 10_000) + literal;
    }
}
