package io.offstream.contract.jobs;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.Names;
import io.offstream.contract.naming.RunTopics;

/**
 * The options of the Spark ingress job, the contract between the ingress task that submits it and
 * the job: {@link #toArguments()} writes them as {@code --name=value} arguments, {@link #parse}
 * reads them back and refuses bad values, naming every problem, before the job touches any data.
 *
 * @param servicesLocation URI of the service catalogue ({@code offstream.services.location})
 * @param service the catalogue entry whose request the rows become
 * @param runKey the run key (header {@code offstream.run.key})
 * @param manifest local path of the pinned manifest: one {@link PinnedManifestLine} per file of every partition to ingest;
 *        the job ingests the partitions in date order, in one Spark application
 * @param topic the run's ingress topic ({@link RunTopics}); parse derives it when absent
 * @param quarantine URI of the run's quarantine directory ({@link RunLayout#quarantine()}); rejected rows go
 *        under its {@code dt=<date>/} ({@link #quarantineDay})
 * @param resultDir local directory where the job writes each partition's {@link IngressJobResult} as soon as the
 *        partition is published ({@link #resultFile})
 * @param producer Kafka producer properties ({@code --producer.<name>=value}; bootstrap.servers required)
 * @param onCorruptFile {@code fail} (default) or {@code skip}: what an unreadable pinned file does
 * @param parallelPartitions how many partitions the job ingests at once (each a Spark job of the one application;
 *        while one publishes or reads its single file, another uses the free cores)
 * @param pausePartition fault injection for tests: the partition whose publishing pauses, to be killed from outside (null = none)
 * @param pauseAfterRows fault injection for tests: pause after sending this many records of the first
 *        split of {@code pausePartition} (or at that split's last record), in its first attempt only
 */
public record IngressJobOptions(String servicesLocation, String service, String runKey, String manifest, String topic,
        String quarantine, String resultDir, Map<String, String> producer, String onCorruptFile, int parallelPartitions,
        LocalDate pausePartition, long pauseAfterRows)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FAIL = "fail";
    public static final String SKIP = "skip";
    public static final String PRODUCER_PREFIX = "producer.";

    /** Kafka's producer default for {@code max.request.size}. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private static final Set<String> OPTIONS = Set.of("services-location", "service", "run-key", "manifest", "topic", "quarantine",
            "result-dir", "on-corrupt-file", "parallel-partitions", "pause-partition", "pause-after-rows");

    /** Checks every value; an {@link IllegalArgumentException} naming every problem otherwise. */
    public IngressJobOptions {
        producer = producer == null ? null : Map.copyOf(producer);
        List<String> problems = new ArrayList<>();
        required(servicesLocation, "services-location", problems);
        required(service, "service", problems);
        required(runKey, "run-key", problems);
        required(manifest, "manifest", problems);
        required(topic, "topic", problems);
        required(quarantine, "quarantine", problems);
        required(resultDir, "result-dir", problems);
        required(producer, "producer.bootstrap.servers", problems);
        required(onCorruptFile, "on-corrupt-file", problems);
        problems.addAll(valueProblems(servicesLocation, service, runKey, topic, quarantine, producer, onCorruptFile, parallelPartitions,
                pauseAfterRows));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad ingress job options: " + String.join("; ", problems));
        }
    }

    /** Whether the topic is the run's ingress topic: a plain run's, or a simulation's the service is the baseline of. */
    private static boolean isIngressTopicOf(String topic, String service, String runKey) {
        try {
            return RunTopics.ofIngress(topic).egress().equals(RunTopics.of(service, runKey).egress());
        } catch (IllegalArgumentException notIngress) {
            return false;
        }
    }

    /** The run's ingress topic, as every process names it. */
    public static String topicOf(String service, String runKey) {
        return RunTopics.of(service, runKey).ingress();
    }

    /** {@code <quarantine>/dt=<date>/}: where a partition's rejected rows go. */
    public URI quarantineDay(LocalDate date) {
        return URI.create(RunLayout.asDirectory(URI.create(quarantine)) + RunLayout.dayFolder(date) + "/");
    }

    /** {@code <result-dir>/dt=<date>.properties}: where the job reports a partition it published. */
    public Path resultFile(LocalDate date) {
        return Path.of(resultDir).resolve(RunLayout.dayFolder(date) + ".properties");
    }

    /** Whether publishing {@code date} pauses mid-way (fault injection). */
    public boolean pausesIn(LocalDate date) {
        return pauseAfterRows > 0 && date.equals(pausePartition);
    }

    /**
     * The largest record the job may send: the producer's {@code max.request.size} (Kafka's
     * default, 1 MiB, when not set). Keep the topic's {@code max.message.bytes} at least as large.
     */
    public int maxRecordBytes() {
        String configured = producer.get("max.request.size");
        return configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.strip());
    }

    public boolean skipsCorruptFiles() {
        return SKIP.equals(onCorruptFile);
    }

    /** The options as the job's {@code --name=value} arguments; {@code parse(toArguments())} equals this. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("--services-location=" + servicesLocation, "--service=" + service,
                "--run-key=" + runKey, "--manifest=" + manifest, "--topic=" + topic, "--quarantine=" + quarantine,
                "--result-dir=" + resultDir, "--on-corrupt-file=" + onCorruptFile, "--parallel-partitions=" + parallelPartitions));
        if (pausePartition != null) {
            args.add("--pause-partition=" + pausePartition);
        }
        if (pauseAfterRows > 0) {
            args.add("--pause-after-rows=" + pauseAfterRows);
        }
        new TreeMap<>(producer).forEach((k, v) -> args.add("--" + PRODUCER_PREFIX + k + "=" + v));
        return args;
    }

    /** Reads {@code --name=value} arguments; an {@link IllegalArgumentException} naming every problem otherwise. */
    public static IngressJobOptions parse(String[] args) {
        args = OptionsFile.expand(args);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> producer = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                problems.add("argument '" + arg + "' is not --name=value");
                continue;
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (name.startsWith(PRODUCER_PREFIX) && name.length() > PRODUCER_PREFIX.length()) {
                producer.put(name.substring(PRODUCER_PREFIX.length()), value);
            } else if (!OPTIONS.contains(name)) {
                problems.add("unknown option --" + name);
            } else if (values.put(name, value) != null) {
                problems.add("option --" + name + " is given twice");
            }
        }
        String servicesLocation = requiredText(values, "services-location", problems);
        String service = requiredText(values, "service", problems);
        String runKey = requiredText(values, "run-key", problems);
        String manifest = requiredText(values, "manifest", problems);
        String quarantine = requiredText(values, "quarantine", problems);
        String resultDir = requiredText(values, "result-dir", problems);
        LocalDate pausePartition = date(values.get("pause-partition"), problems);
        String onCorruptFile = values.getOrDefault("on-corrupt-file", FAIL).trim();
        long pauseAfterRows = number(values.get("pause-after-rows"), "pause-after-rows", problems);
        int parallelPartitions = values.containsKey("parallel-partitions")
                ? (int) number(values.get("parallel-partitions"), "parallel-partitions", problems) : 1;
        String topic = values.get("topic");
        if (topic == null && Names.isServiceName(service) && Names.isRunKey(runKey)) {
            topic = topicOf(service, runKey);
        } else if (topic == null) {
            topic = "";
        }
        problems.addAll(valueProblems(servicesLocation, service, runKey, topic, quarantine, producer, onCorruptFile, parallelPartitions,
                pauseAfterRows));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad ingress job options: " + String.join("; ", problems));
        }
        return new IngressJobOptions(servicesLocation, service, runKey, manifest, topic, quarantine, resultDir, producer,
                onCorruptFile, parallelPartitions, pausePartition, pauseAfterRows);
    }

    /** Problems of values that are present (absent ones are reported as required). */
    private static List<String> valueProblems(String servicesLocation, String service, String runKey, String topic,
            String quarantine, Map<String, String> producer, String onCorruptFile, int parallelPartitions, long pauseAfterRows) {
        List<String> problems = new ArrayList<>();
        absoluteUri(servicesLocation, "services-location", problems);
        absoluteUri(quarantine, "quarantine", problems);
        if (service != null && !Names.isServiceName(service)) {
            problems.add("--service '" + service + "' must match " + Names.SERVICE_PATTERN);
        }
        if (runKey != null && !Names.isRunKey(runKey)) {
            problems.add("--run-key '" + runKey + "' must match " + Names.RUN_KEY_PATTERN);
        }
        if (topic != null && Names.isServiceName(service) && Names.isRunKey(runKey) && !isIngressTopicOf(topic, service, runKey)) {
            problems.add("--topic '" + topic + "' is not the ingress topic of service '" + service + "' and run '" + runKey + "' ("
                    + topicOf(service, runKey) + ")");
        }
        if (producer != null) {
            String bootstrap = producer.get("bootstrap.servers");
            if (bootstrap == null) {
                problems.add("--producer.bootstrap.servers is required");
            } else if (bootstrap.isBlank()) {
                problems.add("--producer.bootstrap.servers must name at least one host:port");
            }
            String maxRequestSize = producer.get("max.request.size");
            if (maxRequestSize != null && !maxRequestSize.strip().matches("[1-9][0-9]{0,8}")) {
                problems.add("--producer.max.request.size must be a positive number of bytes, was '" + maxRequestSize + "'");
            }
        }
        if (onCorruptFile != null && !FAIL.equals(onCorruptFile) && !SKIP.equals(onCorruptFile)) {
            problems.add("--on-corrupt-file must be fail or skip, was '" + onCorruptFile + "'");
        }
        if (parallelPartitions < 1) {
            problems.add("--parallel-partitions must be at least 1, was " + parallelPartitions);
        }
        if (pauseAfterRows < 0) {
            problems.add("--pause-after-rows must not be negative, was " + pauseAfterRows);
        }
        return problems;
    }

    private static void required(Object value, String name, List<String> problems) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.add("--" + name + " is required");
        }
    }

    private static String requiredText(Map<String, String> values, String name, List<String> problems) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            problems.add("--" + name + " is required");
            return null;
        }
        return value.trim();
    }

    private static void absoluteUri(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getPath() == null || uri.getPath().isEmpty()) {
                problems.add("--" + name + " '" + value + "' is not an absolute URI such as file:///data/x or hdfs://namenode/x");
            }
        } catch (URISyntaxException e) {
            problems.add("--" + name + " '" + value + "' is not a URI: " + e.getReason());
        }
    }

    private static LocalDate date(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            problems.add("--pause-partition '" + value + "' is not yyyy-MM-dd");
            return null;
        }
    }

    private static long number(String value, String name, List<String> problems) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add("--" + name + " '" + value + "' is not a whole number");
            return 0;
        }
    }

    @Override
    public String toString() {
        // producer properties may hold credentials: names only
        return "IngressJobOptions[service=" + service + ", run=" + runKey + ", manifest=" + manifest + ", topic=" + topic
                + ", quarantine=" + quarantine + ", producer=" + new TreeMap<>(Objects.requireNonNullElse(producer, Map.of())).keySet()
                + ", on-corrupt-file=" + onCorruptFile + "]";
    }
}
