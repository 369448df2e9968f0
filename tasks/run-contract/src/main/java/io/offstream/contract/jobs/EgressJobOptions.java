package io.offstream.contract.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.Names;
import io.offstream.contract.naming.RunTopics;

/**
 * Every option of the Flink egress job: what {@code offstream-egress} passes ({@link #toArguments()})
 * and what the job reads back ({@link #parse}), which refuses bad values, naming every problem,
 * before anything touches Kafka or the landing. The topic and the folders are the run's, from
 * {@link RunTopics} and {@link RunLayout}.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param service          the catalogue entry whose results these are (topic, landing folder, schemas, key)
 * @param runKey           the run's key
 * @param landing          root URI of the landing area ({@code file:///...}, {@code hdfs://nn/...}), without trailing slash
 * @param servicesLocation the service catalogue ({@code offstream.services.location}) as a directory URI;
 *                         the job loads {@code service}'s entry from it
 * @param stoppingOffsets  exclusive end offset per partition; empty: the topic's read_committed end
 *                         offsets taken when the job starts
 * @param resultFile       local file the job writes its result to; empty: none
 * @param parallelism      parallelism of every operator (default 2)
 * @param attemptId        names this attempt's staging folder and part files (default: start time)
 * @param kafkaProperties  Kafka consumer/admin client overrides ({@code --kafka.<property>=<value>})
 * @param flinkRest        a remote Flink cluster's REST endpoint, {@code http://host:port}; empty: run
 *                         on an embedded mini cluster (or on the cluster of {@code flink run})
 * @param jobJar           the jar shipped to a remote cluster; empty: the jar the job runs from
 */
public record EgressJobOptions(
        String bootstrapServers,
        String service,
        String runKey,
        URI landing,
        URI servicesLocation,
        Optional<EgressStoppingOffsets> stoppingOffsets,
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
            "bootstrap-servers", "topic", "landing", "services-location", "service", "run-key", "stopping-offsets",
            "result-file", "parallelism", "attempt-id", "flink-rest", "job-jar");
    private static final Pattern ATTEMPT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9_.\\[\\]:-]+:\\d{1,5}");
    private static final Pattern HAS_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** Normalizes what has several spellings (trailing slashes, relative paths), so equal options are equal records. */
    public EgressJobOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(runKey, "runKey");
        landing = withoutTrailingSlash(Objects.requireNonNull(landing, "landing"));
        servicesLocation = RunLayout.asDirectory(Objects.requireNonNull(servicesLocation, "servicesLocation"));
        Objects.requireNonNull(stoppingOffsets, "stoppingOffsets");
        resultFile = resultFile.map(Path::toAbsolutePath);
        Objects.requireNonNull(attemptId, "attemptId");
        kafkaProperties = Collections.unmodifiableSortedMap(new TreeMap<>(kafkaProperties));
        Objects.requireNonNull(flinkRest, "flinkRest");
        jobJar = jobJar.map(Path::toAbsolutePath);
    }

    /** The options as {@code --name=value} arguments; {@link #parse} reads them back into equal options. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>();
        args.add("--bootstrap-servers=" + bootstrapServers);
        args.add("--service=" + service);
        args.add("--run-key=" + runKey);
        args.add("--landing=" + landing);
        args.add("--services-location=" + servicesLocation);
        stoppingOffsets.ifPresent(offsets -> args.add("--stopping-offsets=" + offsets));
        resultFile.ifPresent(file -> args.add("--result-file=" + file));
        args.add("--parallelism=" + parallelism);
        args.add("--attempt-id=" + attemptId);
        kafkaProperties.forEach((name, value) -> args.add("--" + KAFKA_PREFIX + name + "=" + value));
        flinkRest.ifPresent(rest -> args.add("--flink-rest=" + rest));
        jobJar.ifPresent(jar -> args.add("--job-jar=" + jar));
        return args;
    }

    public static EgressJobOptions parse(List<String> args) {
        return parse(args.toArray(String[]::new));
    }

    /** Parses {@code --name=value} or {@code --name value}; throws {@link EgressJobOptionsException} naming every problem. */
    public static EgressJobOptions parse(String... args) {
        List<String> problems = new ArrayList<>();
        try {
            args = OptionsFile.expand(args);
        } catch (IllegalArgumentException e) {
            throw new EgressJobOptionsException(List.of(e.getMessage()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> kafka = new TreeMap<>();
        split(args, values, kafka, problems);

        String bootstrap = required(values, "bootstrap-servers", problems);
        if (bootstrap != null) {
            for (String server : bootstrap.split(",", -1)) {
                if (!HOST_PORT.matcher(server.trim()).matches()) {
                    problems.add("--bootstrap-servers: '" + server + "' is not host:port");
                }
            }
        }
        String service = required(values, "service", problems);
        if (service != null && !Names.isServiceName(service)) {
            problems.add("--service: '" + service + "' must match " + Names.SERVICE_PATTERN + " (a topic and path segment)");
            service = null;
        }
        String runKey = required(values, "run-key", problems);
        if (runKey != null && !Names.isRunKey(runKey)) {
            problems.add("--run-key: '" + runKey + "' must match " + Names.RUN_KEY_PATTERN + " (a topic and path segment)");
            runKey = null;
        }
        String topic = values.get("topic");
        if (topic != null && service != null && runKey != null) {
            String expected = RunTopics.of(service, runKey).egress();
            if (!topic.equals(expected)) {
                problems.add("--topic: '" + topic + "' is not the egress topic of service '" + service
                        + "' and run '" + runKey + "' (" + expected + ")");
            }
        }
        URI landing = parseLanding(required(values, "landing", problems), problems);
        URI servicesLocation = parseServicesLocation(required(values, "services-location", problems), problems);
        Optional<EgressStoppingOffsets> stoppingOffsets = Optional.empty();
        if (values.containsKey("stopping-offsets")) {
            try {
                stoppingOffsets = Optional.of(EgressStoppingOffsets.parse(values.get("stopping-offsets")));
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
                resultFile = Optional.of(Path.of(file));
            }
        }
        int parallelism = parseParallelism(values.get("parallelism"), problems);
        String attemptId = values.getOrDefault("attempt-id", "attempt-" + Instant.now().toEpochMilli());
        if (!ATTEMPT_ID.matcher(attemptId).matches()) {
            problems.add("--attempt-id: '" + attemptId + "' must be letters, digits, '-' or '_'");
        }
        Optional<URI> flinkRest = parseFlinkRest(values.get("flink-rest"), problems);
        Optional<Path> jobJar = Optional.ofNullable(values.get("job-jar")).map(Path::of);
        if (jobJar.isPresent() && !Files.isRegularFile(jobJar.get())) {
            problems.add("--job-jar: " + jobJar.get() + " is not a file");
        }

        if (!problems.isEmpty()) {
            throw new EgressJobOptionsException(problems);
        }
        return new EgressJobOptions(bootstrap, service, runKey, landing, servicesLocation, stoppingOffsets, resultFile,
                parallelism, attemptId, kafka, flinkRest, jobJar);
    }

    /** The run's egress topic, {@code offstream.<service>.<runKey>.egress}. */
    public String topic() {
        return RunTopics.of(service, runKey).egress();
    }

    /** Where the run's files live under the landing root. */
    public RunLayout layout() {
        return new RunLayout(landing, service, runKey);
    }

    /** What a finished run leaves, one {@code dt=} folder per day. */
    public URI runDirectory() {
        return layout().runDirectory();
    }

    /** Where attempts write before one replaces the run directory; readers ignore "_" folders. */
    public URI stagingRoot() {
        return layout().stagingDirectory();
    }

    /** This attempt's staging folder, under {@link #stagingRoot()}. */
    public URI stagingDirectory() {
        return URI.create(stagingRoot() + attemptId + "/");
    }

    /** One line of the options, for the log (Kafka overrides by name only: they may hold secrets). */
    public String describe() {
        return "service=" + service + " topic=" + topic() + " bootstrap=" + bootstrapServers + " run=" + runDirectory()
                + " catalogue=" + servicesLocation
                + " stopping-offsets=" + stoppingOffsets.map(EgressStoppingOffsets::toString).orElse("<end of topic>")
                + " parallelism=" + parallelism + " attempt=" + attemptId
                + " kafka-overrides=" + kafkaProperties.keySet()
                + " flink=" + flinkRest.map(URI::toString).orElse("<embedded or flink run>");
    }

    /** {@link #describe()}: a record's own toString would print the Kafka overrides' values, which may be secrets. */
    @Override
    public String toString() {
        return "EgressJobOptions[" + describe() + "]";
    }

    private static void split(String[] args, Map<String, String> values, Map<String, String> kafka, List<String> problems) {
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
    }

    private static String required(Map<String, String> values, String name, List<String> problems) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            problems.add("--" + name + " is required");
            return null;
        }
        return value.trim();
    }

    private static int parseParallelism(String text, List<String> problems) {
        if (text == null) {
            return DEFAULT_PARALLELISM;
        }
        try {
            int parallelism = Integer.parseInt(text);
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                problems.add("--parallelism: " + parallelism + " is not within 1.." + MAX_PARALLELISM);
            }
            return parallelism;
        } catch (NumberFormatException e) {
            problems.add("--parallelism: '" + text + "' is not a whole number");
            return DEFAULT_PARALLELISM;
        }
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
            return withoutTrailingSlash(uri);
        } catch (URISyntaxException e) {
            problems.add("--landing: '" + text + "' is not a URI: " + e.getMessage());
            return null;
        }
    }

    /** A URI ({@code file:}, {@code hdfs:}, ...) or a local path, made absolute. */
    private static URI parseServicesLocation(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            if (!HAS_SCHEME.matcher(text).matches()) {
                return Path.of(text).toAbsolutePath().normalize().toUri();
            }
            URI uri = new URI(text);
            if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                problems.add("--services-location: '" + text + "' is neither a local path nor an absolute URI, e.g. "
                        + "file:///opt/offstream/services or hdfs://namenode:8020/offstream/services");
                return null;
            }
            return uri;
        } catch (URISyntaxException | RuntimeException e) {
            problems.add("--services-location: '" + text + "' is not a URI or path: " + e.getMessage());
            return null;
        }
    }

    private static Optional<URI> parseFlinkRest(String text, List<String> problems) {
        if (text == null) {
            return Optional.empty();
        }
        URI rest;
        try {
            rest = new URI(text);
        } catch (URISyntaxException e) {
            rest = null;
        }
        if (rest == null || !"http".equals(rest.getScheme()) && !"https".equals(rest.getScheme())
                || rest.getHost() == null || rest.getPort() < 0) {
            problems.add("--flink-rest: '" + text + "' is not http://host:port");
            return Optional.empty();
        }
        return Optional.of(rest);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.endsWith("/") || path.equals("/")) {
            return uri;
        }
        String trimmed = path.replaceAll("/+$", "");
        try {
            return new URI(uri.getScheme(), uri.getAuthority(), trimmed.isEmpty() ? "/" : trimmed, uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
