package io.offstream.contract.service;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.offstream.contract.naming.Names;

/**
 * Reads a {@code service.yaml} into a {@link ServiceDescriptor}. Plain YAML only (no tags, no
 * objects), unknown fields are refused, and every problem is collected before one
 * {@link InvalidServiceException} names them all. Checks against the schemas are {@link ServiceChecks}'.
 */
public final class DescriptorParser {

    private static final Set<String> TOP = Set.of("name", "key", "event-time", "columns", "constraints", "invoke", "consumer",
            "diff", "description", "owner");
    private static final Set<String> CONSTRAINT = Set.of("min", "max", "pattern", "max-length", "in");
    private static final Set<String> INVOKE = Set.of("function", "jar", "http", "properties");
    private static final Set<String> HTTP = Set.of("url", "timeout");
    private static final Set<String> CONSUMER = Set.of("max-in-flight", "rate-limit-per-second", "max-attempts", "call-timeout",
            "workers");
    private static final Set<String> DIFF = Set.of("ignore");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DescriptorParser() {
    }

    /**
     * @param yaml the descriptor's text
     * @param folderName the catalogue folder it came from: the descriptor's name must equal it
     */
    public static ServiceDescriptor parse(String yaml, String folderName) {
        List<String> problems = new ArrayList<>();
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a field given twice is a mistake, not "the last one wins"
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new InvalidServiceException(folderName, List.of("service.yaml is not valid YAML: "
                    + e.getMessage().replaceAll("\\s+", " ")));
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidServiceException(folderName, List.of("service.yaml must be a mapping of fields (name, key, invoke, ...)"));
        }
        unknown(root, TOP, "", problems);

        String name = text(root.get("name"), "name", problems);
        if (name == null) {
            problems.add("name is required");
        } else if (!Names.isServiceName(name)) {
            problems.add("name '" + name + "' must match " + Names.SERVICE_PATTERN);
        } else if (folderName != null && !name.equals(folderName)) {
            problems.add("name '" + name + "' differs from its catalogue folder '" + folderName + "'");
        }

        List<String> key = textList(root.get("key"), "key", problems);
        if (root.get("key") == null) {
            problems.add("key is required: the request field(s) that identify a record, e.g. key: [order_id]");
        } else if (key.isEmpty()) {
            problems.add("key must name at least one request field");
        } else if (new TreeSet<>(key).size() != key.size()) {
            problems.add("key " + key + " names a field twice");
        }

        String eventTime = text(root.get("event-time"), "event-time", problems);

        Map<String, String> columns = new LinkedHashMap<>();
        Map<?, ?> columnMap = map(root.get("columns"), "columns", problems);
        columnMap.forEach((field, column) -> {
            String c = text(column, "columns." + field, problems);
            if (c == null || c.isBlank()) {
                problems.add("columns." + field + " must name a warehouse column");
            } else if (columns.containsValue(c)) {
                problems.add("columns." + field + ": column '" + c + "' is already mapped to another field");
            } else {
                columns.put(String.valueOf(field), c);
            }
        });

        Map<String, FieldConstraint> constraints = new LinkedHashMap<>();
        map(root.get("constraints"), "constraints", problems).forEach((field, spec) -> {
            FieldConstraint c = constraint("constraints." + field, spec, problems);
            if (c != null) {
                constraints.put(String.valueOf(field), c);
            }
        });

        Invoke invoke = invoke(root.get("invoke"), yaml, problems);
        ConsumerLimits consumer = consumer(map(root.get("consumer"), "consumer", problems), problems);

        Map<?, ?> diff = map(root.get("diff"), "diff", problems);
        unknown(diff, DIFF, "diff.", problems);
        List<String> ignore = textList(diff.get("ignore"), "diff.ignore", problems);

        if (!problems.isEmpty()) {
            throw new InvalidServiceException(name != null ? name : folderName, problems);
        }
        return new ServiceDescriptor(name, key, eventTime, columns, constraints, invoke, consumer, ignore);
    }

    private static FieldConstraint constraint(String path, Object spec, List<String> problems) {
        if (!(spec instanceof Map<?, ?> m)) {
            problems.add(path + " must be a mapping such as {min: 0} or {in: iso-4217}");
            return null;
        }
        unknown(m, CONSTRAINT, path + ".", problems);
        BigDecimal min = number(m.get("min"), path + ".min", problems);
        BigDecimal max = number(m.get("max"), path + ".max", problems);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(path + ": min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
        String pattern = text(m.get("pattern"), path + ".pattern", problems);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(path + ".pattern '" + pattern + "' is not a regular expression: " + e.getDescription());
            }
        }
        BigDecimal maxLength = number(m.get("max-length"), path + ".max-length", problems);
        if (maxLength != null && (maxLength.signum() <= 0 || maxLength.scale() > 0 && maxLength.stripTrailingZeros().scale() > 0)) {
            problems.add(path + ".max-length must be a positive whole number, was " + maxLength.toPlainString());
        }
        List<String> in = null;
        String namedSet = null;
        Object inValue = m.get("in");
        if (inValue instanceof List<?>) {
            in = textList(inValue, path + ".in", problems);
            if (in.isEmpty()) {
                problems.add(path + ".in must list at least one value");
            }
        } else if (inValue != null) {
            namedSet = String.valueOf(inValue);
            if (!NamedSets.exists(namedSet)) {
                problems.add(path + ".in '" + namedSet + "' is neither a list nor a known set " + new TreeSet<>(NamedSets.names()));
            }
        }
        return new FieldConstraint(min, max, pattern, maxLength == null ? null : maxLength.intValue(), in, namedSet);
    }

    private static Invoke invoke(Object value, String yaml, List<String> problems) {
        if (value == null) {
            problems.add("invoke is required: {function: <bean or class>, jar: <jar>} or {http: {url: ..., timeout: 2s}}");
            return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
            problems.add("invoke must be a mapping: {function: ...} or {http: {url: ...}}");
            return null;
        }
        unknown(m, INVOKE, "invoke.", problems);
        String function = text(m.get("function"), "invoke.function", problems);
        String jar = text(m.get("jar"), "invoke.jar", problems);
        Object http = m.get("http");
        Object properties = m.get("properties");
        if ((function == null) == (http == null)) {
            problems.add("invoke must have exactly one of function and http");
            return null;
        }
        if (http != null) {
            if (jar != null) {
                problems.add("invoke.jar belongs to invoke.function, not to invoke.http");
            }
            if (properties != null) {
                problems.add("invoke.properties belongs to invoke.function, not to invoke.http");
            }
            Map<?, ?> h = map(http, "invoke.http", problems);
            unknown(h, HTTP, "invoke.http.", problems);
            String url = text(h.get("url"), "invoke.http.url", problems);
            URI uri = null;
            if (url == null) {
                problems.add("invoke.http.url is required");
            } else {
                try {
                    uri = URI.create(url);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                        problems.add("invoke.http.url '" + url + "' must be an http:// or https:// URL");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("invoke.http.url '" + url + "' is not a URL: " + e.getMessage());
                }
            }
            Duration timeout = duration(h.get("timeout"), "invoke.http.timeout", Duration.ofSeconds(10), problems);
            return new Invoke(null, null, uri, timeout, Map.of());
        }
        URI jarUri = null;
        if (jar != null) {
            try {
                jarUri = new URI(null, null, jar, null);
                if (jar.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                    jarUri = URI.create(jar);
                }
            } catch (Exception e) {
                problems.add("invoke.jar '" + jar + "' is not a path or URI: " + e.getMessage());
            }
        }
        Map<String, String> given = properties == null ? Map.of() : invokeProperties(map(properties, "invoke.properties", problems), yaml,
                problems);
        if (!given.isEmpty() && jar == null) {
            problems.add("invoke.properties needs invoke.jar: they are given to the beans of the function's jar, and without one"
                    + " the function is the consumer's own");
        }
        return new Invoke(function, jarUri, null, null, given);
    }

    /** {@code invoke.properties}: property name to value, each value as written, as if given on the command line. */
    private static Map<String, String> invokeProperties(Map<?, ?> loaded, String yaml, List<String> problems) {
        Map<String, String> written = loaded.isEmpty() ? Map.of() : writtenScalars(yaml, "invoke", "properties");
        Map<String, String> properties = new LinkedHashMap<>();
        loaded.forEach((key, value) -> {
            String path = "invoke.properties." + key;
            if (!(key instanceof String name) || name.isBlank()) {
                problems.add("invoke.properties: '" + key + "' is not a property name (text such as offstream.risk.service-version)");
            } else if (value == null) {
                problems.add(path + " has no value (write \"\" for an empty one)");
            } else if (text(value, path, problems) != null) {
                properties.put(name, written.getOrDefault(name, String.valueOf(value)));
            }
        });
        return properties;
    }

    /**
     * The scalars of the mapping at that path as the file writes them: the loaded document has
     * {@code 1.10} as 1.1, {@code 010} as 8 and {@code yes} as true, where a property value is text.
     */
    private static Map<String, String> writtenScalars(String yaml, String... path) {
        Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        for (String field : path) {
            node = node instanceof MappingNode m ? m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(field))
                    .map(NodeTuple::getValueNode).findFirst().orElse(null) : null;
        }
        Map<String, String> scalars = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    scalars.put(k.getValue(), v.getValue());
                }
            }
        }
        return scalars;
    }

    private static ConsumerLimits consumer(Map<?, ?> m, List<String> problems) {
        unknown(m, CONSUMER, "consumer.", problems);
        ConsumerLimits d = ConsumerLimits.DEFAULTS;
        BigDecimal inFlight = number(m.get("max-in-flight"), "consumer.max-in-flight", problems);
        BigDecimal rate = number(m.get("rate-limit-per-second"), "consumer.rate-limit-per-second", problems);
        BigDecimal attempts = number(m.get("max-attempts"), "consumer.max-attempts", problems);
        Duration callTimeout = duration(m.get("call-timeout"), "consumer.call-timeout", d.callTimeout(), problems);
        BigDecimal workers = number(m.get("workers"), "consumer.workers", problems);
        int effectiveInFlight = inFlight == null ? d.maxInFlight() : inFlight.intValue();
        if (workers != null && (workers.signum() < 0 || workers.compareTo(BigDecimal.valueOf(effectiveInFlight)) > 0)) {
            problems.add("consumer.workers must be between 0 (one per call in flight) and consumer.max-in-flight ("
                    + effectiveInFlight + ")");
        }
        if (inFlight != null && inFlight.compareTo(BigDecimal.ONE) < 0) {
            problems.add("consumer.max-in-flight must be at least 1");
        }
        if (rate != null && rate.signum() < 0) {
            problems.add("consumer.rate-limit-per-second must not be negative (0 = unlimited)");
        }
        if (attempts != null && attempts.compareTo(BigDecimal.ONE) < 0) {
            problems.add("consumer.max-attempts must be at least 1");
        }
        return new ConsumerLimits(effectiveInFlight, rate == null ? d.rateLimitPerSecond() : rate.longValue(),
                attempts == null ? d.maxAttempts() : attempts.intValue(), callTimeout, workers == null ? d.workers() : workers.intValue());
    }

    /** {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT2S}). */
    static Duration duration(Object value, String path, Duration defaultValue, List<String> problems) {
        if (value == null) {
            return defaultValue;
        }
        String v = String.valueOf(value).trim();
        Matcher m = DURATION.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                problems.add(path + " must be positive, was " + v);
            }
            return d;
        } catch (RuntimeException e) {
            problems.add(path + " '" + v + "' is not a duration (e.g. 500ms, 2s, 5m)");
            return defaultValue;
        }
    }

    private static void unknown(Map<?, ?> map, Set<String> known, String prefix, List<String> problems) {
        map.keySet().stream().map(String::valueOf).filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add("unknown field " + prefix + k + " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }

    private static String text(Object value, String path, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(path + " must be a single value");
            return null;
        }
        return String.valueOf(value).trim();
    }

    private static List<String> textList(Object value, String path, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                String t = text(item, path + "[]", problems);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
        String single = text(value, path, problems);
        return single == null ? List.of() : List.of(single);
    }

    private static Map<?, ?> map(Object value, String path, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        problems.add(path + " must be a mapping");
        return Map.of();
    }

    private static BigDecimal number(Object value, String path, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            problems.add(path + " '" + value + "' is not a number");
            return null;
        }
    }
}
