package io.offstream.tasks.composed.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to launch one child of a composed task with {@code POST /tasks/executions}.
 * It is saved in the child's step execution context on first launch, so a restarted runner
 * launches the child again with exactly these properties, arguments and platform.
 *
 * @param definitionName the child's task definition, {@code <composed>-<label>}
 * @param properties     launch properties ({@code app.<label>.*}, {@code deployer.<label>.*})
 * @param arguments      command-line arguments
 */
public record ChildLaunchRequest(String definitionName, Map<String, String> properties, List<String> arguments) {

    public ChildLaunchRequest {
        properties = Map.copyOf(properties);
        arguments = List.copyOf(arguments);
    }

    /** This request with one more command-line argument (one for this launch only, not saved with the request). */
    public ChildLaunchRequest withArgument(String argument) {
        List<String> more = new ArrayList<>(arguments);
        more.add(argument);
        return new ChildLaunchRequest(definitionName, properties, more);
    }
}
