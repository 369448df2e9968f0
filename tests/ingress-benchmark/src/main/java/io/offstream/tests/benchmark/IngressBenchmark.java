package io.offstream.tests.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;


import io.offstream.contract.jobs.IngressJobResult;
import io.offstream.contract.naming.RunTopics;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.platform.KafkaBrokerProcess;

/**
 * Prints the Spark ingress job's rows/s into Kafka next to Kafka's own ProducerPerformance, same
 * broker, same run, same record count and size, same producer settings (acks=all, idempotent,
 * lz4, linger 20 ms, 256 KiB batches). System properties: benchmark.days (2),
 * benchmark.rows-per-day (300000), benchmark.parallel-partitions (1: the ingress task's default),
 * benchmark.job-jvm-options (the Spark job's JVM options, comma-separated; -Xmx3g,-XX:+UseParallelGC).
 */
public final class IngressBenchmark {

    private IngressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = Integer.getInteger("benchmark.days", 2);
        int rowsPerDay = Integer.getInteger("benchmark.rows-per-day", 300_000);
        int parallelPartitions = Integer.getInteger("benchmark.parallel-partitions", 1);
        String jobJvmOptions = System.getProperty("benchmark.job-jvm-options", "-Xmx3g,-XX:+UseParallelGC");
        RepositoryLayout layout = RepositoryLayout.locate();
        Path work = Files.createDirectories(layout.root().resolve("tests/ingress-benchmark/target/run-" + UUID.randomUUID().toString().substring(0, 8)));
        Path logs = work.resolve("logs");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(layout, work)) {
            String db = "jdbc:h2:file:" + work.resolve("h2/ledger") + ";AUTO_SERVER=TRUE";
            List<String> common = List.of("--spring.datasource.url=" + db, "--spring.datasource.username=sa",
                    "--spring.batch.jdbc.initialize-schema=always", "--offstream.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--offstream.services.location=" + layout.root().resolve("schemas/services").toUri(), "--offstream.run.landing=" + work.resolve("landing"));
            Path dataset = work.resolve("warehouse/transactions");
            String runKey = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> run = List.of("--offstream.run.dataset=" + dataset.toUri(), "--offstream.run.from=2026-06-01",
                    "--offstream.run.to=" + java.time.LocalDate.parse("2026-06-01").plusDays(days - 1), "--offstream.run.service=risk",
                    "--offstream.run.key=" + runKey);
            task(layout.appJar("tasks/sample-warehouse", "offstream-sample-warehouse-*.jar"), logs, "sample", common,
                    List.of("--offstream.sample.path=" + dataset, "--offstream.sample.days=" + days, "--offstream.sample.rows-per-day=" + rowsPerDay,
                            "--offstream.sample.start-date=2026-06-01", "--offstream.sample.bad-row-fraction=0.01"));
            task(layout.appJar("tasks/plan", "offstream-plan-*.jar"), logs, "plan", common, run);
            long start = System.nanoTime();
            task(layout.appJar("tasks/ingress", "offstream-ingress-*.jar"), logs, "ingress", common, concat(run,
                    List.of("--offstream.ingress.work-dir=" + work.resolve("ingress-work"),
                            "--offstream.ingress.jvm-options=" + jobJvmOptions,
                            "--offstream.ingress.parallel-partitions=" + parallelPartitions)));
            double ingressWall = (System.nanoTime() - start) / 1e9;

            long published = 0;
            long jobMillis = 0;
            try (Stream<Path> files = Files.walk(work.resolve("ingress-work"))) {
                // the Spark job leaves each partition's result where the ingress task asked for it
                for (Path file : files.filter(p -> p.getParent().getFileName().toString().equals("results")
                        && p.getFileName().toString().endsWith(".properties")).toList()) {
                    IngressJobResult result = IngressJobResult.read(file);
                    published += result.published();
                    jobMillis += result.durationMillis();
                }
            }
            String topic = RunTopics.of("risk", runKey).ingress();
            int recordSize = averageRecordSize(broker.bootstrapServers(), topic);

            String perf = producerPerformance(work, broker.bootstrapServers(), published, recordSize);
            System.out.println();
            System.out.println("=== Offstream ingress benchmark (" + days + " days x " + rowsPerDay + " rows, 1% bad; "
                    + parallelPartitions + " partition(s) at once; " + Runtime.getRuntime().availableProcessors() + " cores) ===");
            System.out.printf("Spark ingress job : %,d records published in %.1f s of partition time -> %,.0f records/s (the job's session start not included)%n",
                    published, jobMillis / 1000.0, published * 1000.0 / Math.max(1, jobMillis));
            System.out.printf("ingress task      : %.1f s wall for the whole task -> %,.0f records/s%n", ingressWall, published / ingressWall);
            System.out.printf("Kafka producer perf: %s%n", perf);
            System.out.printf("(average record: %d bytes of key+value; perf test with the same count and size, acks=all, idempotent, lz4)%n",
                    recordSize);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private static void task(Path jar, Path logs, String name, List<String> common, List<String> args) throws Exception {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
        command.addAll(common);
        command.addAll(args);
        Path log = logs.resolve(name + ".log");
        System.out.println("running " + name + " (log " + log + ")");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(name + " failed; see " + log);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int averageRecordSize(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long bytes = 0;
            int n = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (n < 2000 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    bytes += r.key().length + r.value().length;
                    n++;
                }
            }
            return (int) (bytes / Math.max(1, n));
        }
    }

    private static String producerPerformance(Path work, String bootstrap, long records, int recordSize) throws Exception {
        Path perfLib = RepositoryLayout.locate().root().resolve("tests/ingress-benchmark/target/perf-lib");
        List<String> command = List.of(javaBin(), "-cp", perfLib + File.separator + "*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "offstream.bench.producer-perf", "--num-records", Long.toString(records), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "compression.type=lz4", "linger.ms=20", "batch.size=262144");
        Path log = work.resolve("logs/producer-performance.log");
        System.out.println("running ProducerPerformance (log " + log + ")");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("ProducerPerformance failed; see " + log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.stream().filter(l -> l.contains("records sent") && l.contains("99.9th")).reduce((a, b) -> b)
                .orElse(String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
    }
}
