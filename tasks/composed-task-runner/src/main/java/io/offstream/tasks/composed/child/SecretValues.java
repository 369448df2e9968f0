package io.offstream.tasks.composed.child;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which launch properties and arguments hold secrets, by name, as SCDF's own argument sanitizer
 * decides: their values are masked in logs and never saved where the dashboard shows them.
 */
final class SecretValues {

    static final String MASK = "******";

    /** Names that look secret: passwords, secrets, tokens, credentials, and Kafka's JAAS config (which holds a password). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|passwd|secret|token|credentials|sasl\\.jaas\\.config).*");

    private SecretValues() {
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The properties with every secret value replaced by {@link #MASK}. */
    static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return masked;
    }

    /** The properties without the secret ones. */
    static Map<String, String> withoutSecrets(Map<String, String> properties) {
        return filtered(properties, false);
    }

    /** The secret properties only. */
    static Map<String, String> secretsOf(Map<String, String> properties) {
        return filtered(properties, true);
    }

    private static Map<String, String> filtered(Map<String, String> properties, boolean secret) {
        Map<String, String> kept = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (isSecret(name) == secret) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** Whether a {@code --name=value} argument's name looks secret. */
    static boolean isSecretArgument(String argument) {
        int eq = argument.indexOf('=');
        return eq > 0 && isSecret(argument.substring(0, eq));
    }

    /** {@code --name=value} arguments with secret values masked. */
    static List<String> maskedArguments(List<String> arguments) {
        List<String> masked = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            masked.add(isSecretArgument(argument) ? argument.substring(0, argument.indexOf('=') + 1) + MASK : argument);
        }
        return masked;
    }
}
