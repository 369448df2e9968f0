package io.offstream.dataflow.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one encoding of a launch for SCDF 2.11's {@code POST /tasks/executions} form.
 *
 * <p>{@code properties} is {@code k=v} joined with commas. SCDF splits it on commas and glues a
 * piece back onto the previous value unless it looks like a new property ({@code app.},
 * {@code deployer.}, {@code version.} or {@code spring.cloud.dataflow.task} with a {@code =}),
 * so values may hold commas but not such a piece; keys must start with one of those prefixes.
 *
 * <p>{@code arguments} are joined with spaces. SCDF 2.11 splits them on spaces and keeps a
 * {@code key="a b"} token together: so an argument whose value holds a space is sent as
 * {@code key="value"}. Each argument must be {@code key=value} (SCDF glues a piece without
 * {@code =} onto the previous argument, and drops every argument when none has one). SCDF's
 * splitter keeps a quoted value with two or more spaces whole only as the first argument (later it
 * drops the middle words), and none can hold a double quote. Anything SCDF would split
 * differently from what was given is refused here with an {@link IllegalArgumentException}.
 */
public final class LaunchForm {

    private static final List<String> PROPERTY_PREFIXES = List.of("app.", "deployer.", "version.", "spring.cloud.dataflow.task");

    private LaunchForm() {
    }

    /** The {@code application/x-www-form-urlencoded} body of the launch. */
    public static String encode(LaunchRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", request.definitionName());
        if (!request.properties().isEmpty()) {
            form.put("properties", properties(request.properties()));
        }
        if (!request.arguments().isEmpty()) {
            form.put("arguments", arguments(request.arguments()));
        }
        return urlEncoded(form);
    }

    /** The {@code properties} field: {@code k=v,k=v}. */
    public static String properties(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> property(e.getKey(), e.getValue())).collect(Collectors.joining(","));
    }

    /** The {@code arguments} field: space-separated, a value holding a space quoted. */
    public static String arguments(List<String> arguments) {
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            field.append(i == 0 ? "" : " ").append(argument(arguments.get(i), i == 0));
        }
        return field.toString();
    }

    /** A form body of plain fields, each URL-encoded. */
    public static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String property(String key, String value) {
        if (key.isBlank() || key.contains(",") || key.contains("=") || !isPropertyKey(key)) {
            throw new IllegalArgumentException("SCDF takes no launch property '" + key + "': keys start with one of "
                    + PROPERTY_PREFIXES + " and hold no ',' or '='");
        }
        String[] pieces = value.split(",", -1);
        for (int i = 1; i < pieces.length; i++) {
            if (pieces[i].contains("=") && isPropertyKey(pieces[i].strip())) {
                throw new IllegalArgumentException("The value of launch property " + key + " holds ',"
                        + pieces[i] + "', which SCDF would read as another property");
            }
        }
        return key + "=" + value;
    }

    private static boolean isPropertyKey(String text) {
        String key = text.startsWith("--") ? text.substring(2) : text;
        return PROPERTY_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static String argument(String argument, boolean first) {
        int equals = argument.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Launch argument '" + argument + "' is not key=value: SCDF would join it to "
                    + "the argument before it");
        }
        if (!argument.contains(" ")) {
            return argument;
        }
        String value = argument.substring(equals + 1);
        if (value.contains("\"") || argument.substring(0, equals).contains(" ")) {
            throw new IllegalArgumentException("Launch argument '" + argument + "' holds a space and a '\"' (or a space in "
                    + "its key): SCDF cannot be given it intact");
        }
        if (!first && value.indexOf(' ') != value.lastIndexOf(' ')) {
            throw new IllegalArgumentException("Launch argument '" + argument + "' holds more than one space: SCDF keeps "
                    + "such a value whole only as the first argument");
        }
        return argument.substring(0, equals + 1) + "\"" + value + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
