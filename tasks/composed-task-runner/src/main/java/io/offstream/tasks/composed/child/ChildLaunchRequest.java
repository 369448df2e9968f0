package io.offstream.tasks.composed.child;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** This request as it may be logged: secret-looking property and argument values masked. */
    public ChildLaunchRequest masked() {
        return new ChildLaunchRequest(definitionName, SecretValues.masked(properties), SecretValues.maskedArguments(arguments));
    }

    /**
     * This request as it may be saved in the step's execution context, which the dashboard shows:
     * without its secret properties (a restart takes them from {@link #withSecretsOf} a fresh plan).
     */
    public ChildLaunchRequest withoutSecrets() {
        return new ChildLaunchRequest(definitionName, SecretValues.withoutSecrets(properties),
                arguments.stream().filter(argument -> !SecretValues.isSecretArgument(argument)).toList());
    }

    /** This request with the secret properties and arguments of {@code current} (today's plan of the same child). */
    public ChildLaunchRequest withSecretsOf(ChildLaunchRequest current) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(SecretValues.secretsOf(current.properties()));
        List<String> allArguments = new ArrayList<>(arguments);
        current.arguments().stream().filter(SecretValues::isSecretArgument).forEach(allArguments::add);
        return new ChildLaunchRequest(definitionName, all, allArguments);
    }

    /** This request with one more command-line argument (one for this launch only, not saved with the request). */
    public ChildLaunchRequest withArgument(String argument) {
        List<String> more = new ArrayList<>(arguments);
        more.add(argument);
        return new ChildLaunchRequest(definitionName, properties, more);
    }
}
