package io.offstream.launcher.cluster;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One process of the engine clusters, as the launcher and the tests start it.
 *
 * @param name the component's name (its pid record and log: {@code hdfs-namenode}, {@code spark-worker-1}, ...)
 * @param port the port it listens on (checked free before it starts, shown by status)
 * @param marker a path on its command line, telling it from a process that got its pid later
 * @param command the whole command line
 * @param environment variables added to the launcher's
 * @param probe a URL that answers 2xx once the process is ready
 * @param readyWhen a pattern the probe's answer must hold somewhere (empty: any 2xx answer)
 */
public record ClusterProcess(String name, int port, String marker, List<String> command, Map<String, String> environment, URI probe,
        String readyWhen) {

    public ClusterProcess {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Whether a probe answer shows the process ready. */
    public boolean ready(String answer) {
        return Pattern.compile(readyWhen).matcher(answer).find();
    }
}
