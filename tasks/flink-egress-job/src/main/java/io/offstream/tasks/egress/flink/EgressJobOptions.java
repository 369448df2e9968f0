package io.offstream.tasks.egress.flink;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every option of the Flink egress job, parsed and validated together: {@link #parse(String...)}
 * refuses bad values, listing every problem, before anything touches Kafka or the landing.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topic            the run's egress topic, {@code offstream.<service>.<runKey>.egress}
 * @param landing          root URI of the landing area ({@code file:///...}, {@code hdfs://nn/...})
 * @param service          the service whose results these are; a path segment of the landing
 * @param runKey           the run's key; the landing folder is {@code run=<runKey>}
 * @param stoppingOffsets  exclusive end offset per partition; empty: the topic's read_committed end
 *                         offsets taken when the job starts
 * @param resultFile       local file the job writes its result JSON to; empty: none
 * @param parallelism      parallelism of every operator (default 2)
 * @param attemptId        names this attempt's staging folder (default: start time)
 * @param kafkaProperties  Kafka consumer/admin client overrides ({@code --kafka.<property>=<value>})
 * @param flinkRest        a remote Flink cluster's REST endpoint, {@code http://host:port}; empty: run
 *                         on an embedded mini cluster (or on the cluster of {@code flink run})
 * @param jobJar           the jar shipped to a remote cluster (default: the jar this class is in)
 */
public record EgressJobOptions(
        String bootstrapServers,
        String topic,
        URI landing,
        String service,
        String runKey,
        Optional<StoppingOffsets> stoppingOffsets,
        Optional<Path> resultFile,
        int parallelism,
        String attemptId,
        Map<String, String> kafkaProperties,
        Optional<URI> flinkRest,
        Optional<Path> jobJar) {

    public static final int DEFAULT_PARALLELISM = 2;
    public static final int MAX_PARALLELISM = 512;
    public static final String KAFKA_PREFIX = "kafka.";

    /** Client properties the job sets itself; an override would break its guarantees. */
    public static final Set<String> OWNED_KAFKA_PROPERTIES = Set.of(
            "bootstrap.servers", "isolation.level", "key.deserializer", "value.deserializer",
            "enable.auto.commit", "auto.offset.reset", "group.id");

    private static final Set<String> OPTIONS = Set.of(
            "bootstrap-servers", "topic", "landing", "service", "run-key", "stopping-offsets",
            "result-file", "parallelism", "attempt-id", "flink-rest", "job-jar");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern RUN_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9_.\\[\\]:-]+:\\d{1,5}");

    public EgressJobOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** The egress topic of a run, as plan names it. */
    public static String egressTopic(String service, String runKey) {
        return "offstream." + service + "." + runKey + ".egress";
    }

    /** Parses {@code --name=value} or {@code --name value}; throws {@link InvalidOptionsException}. */
    public static EgressJobOptions parse(String... args) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafka = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument '" + arg + "' (options are --name=value)");
                continue;
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                problems.add("option --" + arg.substring(2) + " has no value");
                continue;
            }
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                String property = name.substring(KAFKA_PREFIX.length());
                if (OWNED_KAFKA_PROPERTIES.contains(property)) {
                    problems.add("--" + name + ": the job sets Kafka's " + property + " itself");
                } else {
                    kafka.put(property, value);
                }
            } else if (!OPTIONS.contains(name)) {
                problems.add("unknown option --" + name);
            } else if (values.put(name, value) != null) {
                problems.add("option --" + name + " is given twice");
            }
        }

        String bootstrap = required(values, "bootstrap-servers", problems);
        if (bootstrap != null) {
            for (String server : bootstrap.split(",", -1)) {
                if (!HOST_PORT.matcher(server.trim()).matches()) {
                    problems.add("--bootstrap-servers: '" + server + "' is not host:port");
                }
            }
        }
        String service = required(values, "service", problems);
        if (service != null && !NAME.matcher(service).matches()) {
            problems.add("--service: '" + service + "' must be letters, digits, '-' or '_' (a topic and path segment)");
            service = null;
        }
        String runKey = required(values, "run-key", problems);
        if (runKey != null && !RUN_KEY.matcher(runKey).matches()) {
            problems.add("--run-key: '" + runKey + "' must be letters, digits, '.', '-' or '_' (a topic and path segment)");
            runKey = null;
        }
        String topic = values.get("topic");
        if (service != null && runKey != null) {
            String expected = egressTopic(service, runKey);
            if (topic == null) {
                topic = expected;
            } else if (!topic.equals(expected)) {
                problems.add("--topic: '" + topic + "' is not the egress topic of service '" + service
                        + "' and run '" + runKey + "' (" + expected + ")");
            }
        }
        URI landing = parseLanding(required(values, "landing", problems), problems);
        Optional<StoppingOffsets> stoppingOffsets = Optional.empty();
        if (values.containsKey("stopping-offsets")) {
            try {
                stoppingOffsets = Optional.of(StoppingOffsets.parse(values.get("stopping-offsets")));
            } catch (IllegalArgumentException e) {
                problems.add("--stopping-offsets: " + e.getMessage() + " (expected e.g. 0:1234,1:998)");
            }
        }
        Optional<Path> resultFile = Optional.empty();
        if (values.containsKey("result-file")) {
            String file = values.get("result-file");
            if (file.isBlank() || file.endsWith("/")) {
                problems.add("--result-file: '" + file + "' is not a file name");
            } else {
                resultFile = Optional.of(Path.of(file).toAbsolutePath());
            }
        }
        int parallelism = DEFAULT_PARALLELISM;
        if (values.containsKey("parallelism")) {
            try {
                parallelism = Integer.parseInt(values.get("parallelism"));
                if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                    problems.add("--parallelism: " + parallelism + " is not within 1.." + MAX_PARALLELISM);
                }
            } catch (NumberFormatException e) {
                problems.add("--parallelism: '" + values.get("parallelism") + "' is not a whole number");
            }
        }
        String attemptId = values.getOrDefault("attempt-id", "attempt-" + Instant.now().toEpochMilli());
        if (!NAME.matcher(attemptId).matches()) {
            problems.add("--attempt-id: '" + attemptId + "' must be letters, digits, '-' or '_'");
        }

        Optional<URI> flinkRest = Optional.empty();
        if (values.containsKey("flink-rest")) {
            URI rest = URI.create("http://placeholder");
            try {
                rest = new URI(values.get("flink-rest"));
            } catch (URISyntaxException e) {
                rest = null;
            }
            if (rest == null || !"http".equals(rest.getScheme()) && !"https".equals(rest.getScheme())
                    || rest.getHost() == null || rest.getPort() < 0) {
                problems.add("--flink-rest: '" + values.get("flink-rest") + "' is not http://host:port");
            } else {
                flinkRest = Optional.of(rest);
            }
        }
        Optional<Path> jobJar = Optional.ofNullable(values.get("job-jar")).map(Path::of).or(EgressJobOptions::ownJar);
        if (jobJar.isPresent() && !java.nio.file.Files.isRegularFile(jobJar.get())) {
            problems.add("--job-jar: " + jobJar.get() + " is not a file");
        } else if (flinkRest.isPresent() && jobJar.isEmpty()) {
            problems.add("--flink-rest needs --job-jar (the fat jar to ship) when the job does not run from a jar");
        }

        if (!problems.isEmpty()) {
            throw new InvalidOptionsException(problems);
        }
        return new EgressJobOptions(bootstrap, topic, landing, service, runKey, stoppingOffsets,
                resultFile, parallelism, attemptId, kafka, flinkRest, jobJar);
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(EgressJobOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String required(Map<String, String> values, String name, List<String> problems) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            problems.add("--" + name + " is required");
            return null;
        }
        return value.trim();
    }

    private static URI parseLanding(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getPath() == null || !uri.getPath().startsWith("/")) {
                problems.add("--landing: '" + text + "' is not an absolute URI with a scheme, e.g. "
                        + "file:///data/landing or hdfs://namenode:8020/landing");
                return null;
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                problems.add("--landing: '" + text + "' may not have a query or fragment");
                return null;
            }
            String path = uri.getPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), uri.getAuthority(), path.isEmpty() ? "/" : path, null, null);
        } catch (URISyntaxException e) {
            problems.add("--landing: '" + text + "' is not a URI: " + e.getMessage());
            return null;
        }
    }

    /** {@code <landing>/<service>/run=<runKey>}: what a finished run leaves, one dt= folder per day. */
    public URI runDirectory() {
        return child(landing, service + "/run=" + runKey);
    }

    /** {@code <landing>/<service>/_staging/run=<runKey>}: attempts write here, readers ignore "_" folders. */
    public URI stagingRoot() {
        return child(landing, service + "/_staging/run=" + runKey);
    }

    /** This attempt's staging folder, under {@link #stagingRoot()}. */
    public URI stagingDirectory() {
        return child(stagingRoot(), attemptId);
    }

    static URI child(URI parent, String relative) {
        String path = parent.getPath().endsWith("/") ? parent.getPath() + relative : parent.getPath() + "/" + relative;
        try {
            return new URI(parent.getScheme(), parent.getAuthority(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One line of the options, for the log (Kafka overrides by name only: they may hold secrets). */
    public String describe() {
        return "topic=" + topic + " bootstrap=" + bootstrapServers + " run=" + runDirectory()
                + " stopping-offsets=" + stoppingOffsets.map(StoppingOffsets::toString).orElse("<end of topic>")
                + " parallelism=" + parallelism + " attempt=" + attemptId
                + " kafka-overrides=" + kafkaProperties.keySet()
                + " flink=" + flinkRest.map(URI::toString).orElse("<embedded or flink run>");
    }
}
