package io.offstream.dataflow.server.schedule;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Schedule arguments as the SCDF 2.5.1 shell sends them, read back into a list.
 *
 * <p>The 2.5.1 shell (the newest on Maven Central) posts {@code task schedule create --arguments}
 * as a multipart part holding a JSON array, {@code ["--a=1","--b=2"]}, where the 2.11 server
 * expects the space-separated string the dashboard and {@code curl} send; the server then passes
 * the whole array on as a single argument. An argument list that is exactly one JSON array of
 * strings is taken for what it is; any other list is returned as it is.
 */
final class ShellArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShellArguments() {
    }

    static List<String> unwrap(List<String> arguments) {
        String joined = String.join(" ", arguments).trim();
        if (!joined.startsWith("[") || !joined.endsWith("]")) {
            return arguments;
        }
        try {
            return JSON.readValue(joined, new TypeReference<List<String>>() { });
        }
        catch (JsonProcessingException notAJsonArray) {
            return arguments;
        }
    }
}
