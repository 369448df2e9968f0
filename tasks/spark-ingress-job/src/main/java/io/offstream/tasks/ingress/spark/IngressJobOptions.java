package io.offstream.tasks.ingress.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's options, parsed from {@code --name=value} arguments into one typed object and
 * checked before any data is touched.
 *
 * @param runKey the run key (header {@code offstream.run.key})
 * @param partitionDate the dt= partition this run ingests
 * @param manifest path of the pinned manifest: one {@code uri<TAB>size<TAB>modificationMillis} line per file
 * @param topic the run's ingress topic
 * @param quarantine URI of the run's quarantine directory; rejected rows go under {@code dt=<date>/}
 * @param resultFile local path where the JSON result is written
 * @param producer Kafka producer properties ({@code --producer.<name>=value}; bootstrap.servers required)
 * @param maxTextLength longest text value accepted
 * @param onCorruptFile {@code fail} (default) or {@code skip}: what an unreadable pinned file does
 * @param haltAfterRows fault injection for tests: halt the JVM after sending this many records (0 = never)
 */
public record IngressJobOptions(String runKey, LocalDate partitionDate, String manifest, String topic, String quarantine,
        String resultFile, Map<String, String> producer, int maxTextLength, String onCorruptFile, long haltAfterRows)
        implements Serializable {

    public static IngressJobOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> producer = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                errors.add("argument '" + arg + "' is not --name=value");
                continue;
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (name.startsWith("producer.")) {
                producer.put(name.substring("producer.".length()), value);
            } else {
                values.put(name, value);
            }
        }
        String runKey = required(values, "run-key", errors);
        String date = required(values, "partition-date", errors);
        LocalDate partitionDate = null;
        if (date != null) {
            try {
                partitionDate = LocalDate.parse(date);
            } catch (RuntimeException e) {
                errors.add("--partition-date '" + date + "' is not yyyy-MM-dd");
            }
        }
        String manifest = required(values, "manifest", errors);
        String topic = required(values, "topic", errors);
        String quarantine = required(values, "quarantine", errors);
        String resultFile = required(values, "result-file", errors);
        if (!producer.containsKey("bootstrap.servers")) {
            errors.add("--producer.bootstrap.servers is required");
        }
        int maxText = (int) number(values, "max-text-length", 512, errors);
        long haltAfter = number(values, "halt-after-rows", 0, errors);
        String onCorrupt = values.getOrDefault("on-corrupt-file", "fail");
        if (!onCorrupt.equals("fail") && !onCorrupt.equals("skip")) {
            errors.add("--on-corrupt-file must be fail or skip, was '" + onCorrupt + "'");
        }
        values.keySet().stream().filter(k -> !List.of("run-key", "partition-date", "manifest", "topic", "quarantine",
                "result-file", "max-text-length", "halt-after-rows", "on-corrupt-file").contains(k))
                .forEach(k -> errors.add("unknown option --" + k));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Bad ingress job options: " + String.join("; ", errors));
        }
        return new IngressJobOptions(runKey, partitionDate, manifest, topic, quarantine, resultFile, Map.copyOf(producer),
                maxText, onCorrupt, haltAfter);
    }

    private static String required(Map<String, String> values, String name, List<String> errors) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            errors.add("--" + name + " is required");
            return null;
        }
        return v;
    }

    private static long number(Map<String, String> values, String name, long defaultValue, List<String> errors) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                errors.add("--" + name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add("--" + name + " '" + v + "' is not a number");
            return defaultValue;
        }
    }
}
