package io.offstream.tasks.composed.child;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offstream.tasks.composed.ComposedTaskRunnerProperties;

/**
 * Works out, for each child, which of the properties and arguments SCDF handed the runner are
 * its own. SCDF 2.11.5 passes them keyed {@code base64_<base64url(key), no padding>} so that
 * keys with characters Spring's binder would mangle survive; plain keys are accepted too.
 *
 * <p>A property {@code app.<label>.x}, {@code app.<composed>-<label>.x} or {@code app.*.x}
 * (and the same with {@code deployer.}) reaches the child labelled {@code <label>} as
 * {@code app.<label>.x} / {@code deployer.<label>.x}. The legacy comma-separated
 * {@code composed-task-properties} is read the same way. Arguments keyed
 * {@code app.<label>.<n>} (or with the definition name, or {@code *}) go to that child in key
 * order; {@code composed-task-arguments} go to every child.
 */
public final class ChildLaunchPlanner {

    static final String BASE64_PREFIX = "base64_";

    private static final String PLATFORM_PROPERTY = "spring.cloud.dataflow.task.platformName";

    private final String composedTaskName;

    private final String platformName;

    private final Map<String, String> properties;

    private final Map<String, String> arguments;

    private final List<String> commonArguments;

    public ChildLaunchPlanner(String composedTaskName, ComposedTaskRunnerProperties options) {
        this.composedTaskName = composedTaskName;
        this.platformName = options.platformName();
        this.properties = new LinkedHashMap<>(decodeKeys(options.composedTaskAppProperties()));
        this.properties.putAll(parseLegacyProperties(options.composedTaskProperties()));
        this.arguments = decodeKeys(options.composedTaskAppArguments());
        this.commonArguments = options.composedTaskArguments() == null || options.composedTaskArguments().isBlank()
                ? List.of() : List.of(options.composedTaskArguments().trim().split("\\s+"));
    }

    /** The launch request for a child definition such as {@code ct-a}. */
    public ChildLaunchRequest planFor(String childDefinitionName) {
        String label = labelOf(childDefinitionName);
        Map<String, String> childProperties = new TreeMap<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            for (String kind : List.of("app", "deployer")) {
                String rest = childSuffix(property.getKey(), kind, label, childDefinitionName);
                if (rest != null) {
                    childProperties.put(kind + "." + label + "." + rest, property.getValue());
                }
            }
        }
        childProperties.put(PLATFORM_PROPERTY, platformName);
        List<String> childArguments = new ArrayList<>(commonArguments);
        new TreeMap<>(arguments).forEach((key, value) -> {
            if (childSuffix(key, "app", label, childDefinitionName) != null) {
                childArguments.add(value);
            }
        });
        return new ChildLaunchRequest(childDefinitionName, childProperties, childArguments);
    }

    /** The label of a child definition: its name without the {@code <composed>-} prefix. */
    public String labelOf(String childDefinitionName) {
        String prefix = composedTaskName + "-";
        return childDefinitionName.startsWith(prefix) ? childDefinitionName.substring(prefix.length()) : childDefinitionName;
    }

    /** The part after {@code <kind>.<label|definition|*>.}, or null when the key is not the child's. */
    private static String childSuffix(String key, String kind, String label, String definitionName) {
        for (String target : List.of(label, definitionName, "*")) {
            String prefix = kind + "." + target + ".";
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    static Map<String, String> decodeKeys(Map<String, String> encoded) {
        Map<String, String> decoded = new LinkedHashMap<>();
        encoded.forEach((key, value) -> decoded.put(decodeKey(key), value));
        return decoded;
    }

    static String decodeKey(String key) {
        if (!key.startsWith(BASE64_PREFIX)) {
            return key;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(key.substring(BASE64_PREFIX.length())), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot decode the composed task key '" + key + "': not base64url", e);
        }
    }

    /** {@code app.a.x=1, deployer.b.y=2}: pairs separated by commas that start a new key. */
    static Map<String, String> parseLegacyProperties(String legacy) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (legacy == null || legacy.isBlank()) {
            return parsed;
        }
        for (String pair : legacy.split(",\\s*(?=(app|deployer)\\.[^=]+=)")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parsed.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return parsed;
    }
}
