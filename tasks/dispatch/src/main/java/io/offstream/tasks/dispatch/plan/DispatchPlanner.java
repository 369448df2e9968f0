package io.offstream.tasks.dispatch.plan;

import java.util.ArrayList;
import java.util.List;

import io.offstream.tasks.dispatch.DispatchProperties;
import io.offstream.tasks.support.ledger.DispatchChild;
import io.offstream.tasks.support.ledger.DispatchLedger;
import io.offstream.tasks.support.ledger.DispatchRecord;
import io.offstream.contract.naming.Names;
import io.offstream.tasks.support.run.RunParameters;

/**
 * The split step: the parent run's children, recorded once. Run again (a restart, or the same
 * run launched again) it returns the recorded children, and refuses parameters that differ from
 * those the run was split with.
 */
public class DispatchPlanner {

    /** Children when neither {@code children} nor {@code days-per-child} is given: one per local region. */
    static final int DEFAULT_CHILDREN = 3;

    private final DispatchLedger ledger;

    private final DispatchProperties settings;

    public DispatchPlanner(DispatchLedger ledger, DispatchProperties settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    public List<DispatchChild> split(RunParameters run) {
        List<ChildRanges.Range> ranges = ranges(run);
        List<DispatchChild> children = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            String childKey = childRunKey(run.runKey(), i + 1, ranges.size());
            children.add(DispatchChild.planned(run.runKey(), i + 1, childKey, ranges.get(i).from(), ranges.get(i).to()));
        }
        DispatchRecord wanted = new DispatchRecord(run.runKey(), run.service(), run.dataset().toString(), run.from(), run.to(),
                run.landing().toString(), settings.childDefinition(), children.size(), DispatchRecord.RUNNING, null);
        if (!ledger.createIfAbsent(wanted, children)) {
            DispatchRecord recorded = ledger.find(run.runKey()).orElseThrow();
            String differences = differences(recorded, wanted);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("Run " + run.runKey() + " was dispatched before with other parameters ("
                        + differences + "): give a new offstream.run.key, or the parameters it was dispatched with");
            }
        }
        return ledger.children(run.runKey());
    }

    private List<ChildRanges.Range> ranges(RunParameters run) {
        if (settings.daysPerChild() != null) {
            return ChildRanges.ofDays(run.from(), run.to(), settings.daysPerChild());
        }
        int days = run.dates().size();
        int children = settings.children() != null ? settings.children() : Math.min(DEFAULT_CHILDREN, days);
        return ChildRanges.intoChildren(run.from(), run.to(), children);
    }

    /** {@code <parent>-c<i>of<n>}: path- and topic-safe, and sorted as the dates are. */
    static String childRunKey(String parentKey, int index, int count) {
        String width = "%0" + String.valueOf(count).length() + "d";
        String key = parentKey + "-c" + String.format(width, index) + "of" + count;
        if (!Names.isRunKey(key)) {
            throw new IllegalArgumentException("offstream.run.key '" + parentKey + "' is too long to name its children ('"
                    + key + "' must match " + Names.RUN_KEY_PATTERN + "): give a shorter key");
        }
        return key;
    }

    private static String differences(DispatchRecord recorded, DispatchRecord wanted) {
        List<String> differences = new ArrayList<>();
        compare(differences, "service", recorded.service(), wanted.service());
        compare(differences, "dataset", recorded.dataset(), wanted.dataset());
        compare(differences, "from", recorded.from(), wanted.from());
        compare(differences, "to", recorded.to(), wanted.to());
        compare(differences, "landing", recorded.landing(), wanted.landing());
        compare(differences, "child definition", recorded.childDefinition(), wanted.childDefinition());
        compare(differences, "children", recorded.childCount(), wanted.childCount());
        return String.join(", ", differences);
    }

    private static void compare(List<String> differences, String what, Object recorded, Object wanted) {
        if (!recorded.equals(wanted)) {
            differences.add(what + " " + recorded + " then, " + wanted + " now");
        }
    }
}
