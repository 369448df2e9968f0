package io.offstream.tasks.dispatch.scdf;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.DataFlowRefusedException;
import io.offstream.dataflow.client.TaskDefinition;

/**
 * The definition a child runs on a region. SCDF binds a task definition to the first platform
 * account it ran on, so each account gets its own copy of the child definition, named
 * {@code <definition>-<account>}, with the same DSL (composed children included).
 */
public class RegionDefinitions {

    private final Map<String, String> ensured = new ConcurrentHashMap<>();

    /** The name of the account's copy of {@code definition} on that SCDF, created when missing. */
    public String ensure(DataFlowOperations scdf, String definition, String platformAccount) {
        String name = definition + "-" + platformAccount;
        String key = scdf.server() + " " + name;
        if (ensured.containsKey(key)) {
            return name;
        }
        String dsl = dslOf(scdf, definition).orElseThrow(() -> new IllegalStateException("SCDF " + scdf.server()
                + " has no task definition '" + definition + "': load composed-definitions/ there (up.sh does) before dispatching"));
        Optional<String> copy = dslOf(scdf, name);
        if (copy.isEmpty()) {
            try {
                scdf.createDefinition(name, dsl, "Created by offstream-dispatch for this region's platform account");
            }
            catch (DataFlowRefusedException e) {
                // another dispatcher created it first: fine if it is there now
                copy = dslOf(scdf, name);
                if (copy.isEmpty()) {
                    throw new IllegalStateException("SCDF " + scdf.server() + " refused to create '" + name + "': "
                            + e.scdfMessage(), e);
                }
            }
        }
        if (copy.isPresent() && !normalized(copy.get()).equals(normalized(dsl))) {
            throw new IllegalStateException("Definition '" + name + "' on " + scdf.server() + " is '" + copy.get()
                    + "' but '" + definition + "' is now '" + dsl + "': destroy '" + name
                    + "' (task destroy --name " + name + ") so the dispatcher copies the current one");
        }
        ensured.put(key, name);
        return name;
    }

    private static Optional<String> dslOf(DataFlowOperations scdf, String name) {
        return scdf.definition(name).map(TaskDefinition::dslText);
    }

    private static String normalized(String dsl) {
        return dsl.trim().replaceAll("\\s+", " ");
    }
}
