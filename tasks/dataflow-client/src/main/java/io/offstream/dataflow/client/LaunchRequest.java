package io.offstream.dataflow.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A launch of a task definition ({@code POST /tasks/executions}): deployment and app properties
 * ({@code app.<name>.x}, {@code deployer.<name>.x}, {@code spring.cloud.dataflow.task.platformName})
 * and command-line arguments. {@link LaunchForm} says how they are encoded.
 */
public record LaunchRequest(String definitionName, Map<String, String> properties, List<String> arguments) {

    /** SCDF's launch property choosing the platform account. */
    public static final String PLATFORM_PROPERTY = "spring.cloud.dataflow.task.platformName";

    public LaunchRequest {
        // insertion order kept, so the encoded form is the same for the same request
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        arguments = List.copyOf(arguments);
    }

    public static LaunchRequest of(String definitionName) {
        return new LaunchRequest(definitionName, Map.of(), List.of());
    }

    /** The same launch with one more argument (e.g. a launch id). */
    public LaunchRequest withArgument(String argument) {
        List<String> more = new ArrayList<>(arguments);
        more.add(argument);
        return new LaunchRequest(definitionName, properties, more);
    }
}
