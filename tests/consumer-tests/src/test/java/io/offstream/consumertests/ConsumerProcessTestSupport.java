package io.offstream.consumertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test JVM's shared KRaft broker (each class has runs of its own) and starters for the built
 * jars of the service consumer and the sample service's real-time app, as the local platform runs
 * them, on free ports. A class that stops the broker starts its own and points {@link #kafka} at it.
 */
@ExtendWith(KafkaBrokerExtension.class)
abstract class ConsumerProcessTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final RepositoryLayout LAYOUT = RepositoryLayout.locate();

    @TempDir
    static Path workDir;

    /** The broker the consumers started by this class use. */
    static KafkaTopics kafka;

    @BeforeAll
    static void useTheSharedBroker(KafkaTopics sharedBroker) {
        kafka = sharedBroker;
    }

    /** A started process and the port its HTTP server listens on. */
    record App(JavaProcess process, int port) implements AutoCloseable {

        String url(String path) {
            return "http://localhost:" + port + path;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    static App startSampleApp(String name, String... args) {
        int port = FreePorts.find();
        JavaProcess.Builder builder = JavaProcess.jar(name,
                LAYOUT.appJar("stream-apps/sample-risk-service-app", "offstream-sample-risk-service-app.jar"))
                .classDataSharing(LAYOUT)
                .jvmOption("-Xmx512m")
                .arg("--server.port=" + port)
                .logFile(Path.of("target", "logs", name + ".log"));
        List.of(args).forEach(builder::arg);
        return awaitHealthy(new App(builder.start(), port));
    }

    static App startConsumer(String name, String... args) {
        int port = FreePorts.find();
        return awaitHealthy(new App(consumerBuilder(name, port, args).start(), port));
    }

    private static JavaProcess.Builder consumerBuilder(String name, int port, String... args) {
        JavaProcess.Builder builder = JavaProcess.jar(name, LAYOUT.appJar("stream-apps/service-consumer", "offstream-service-consumer-*.jar"))
                .classDataSharing(LAYOUT)
                .jvmOption("-Xmx512m")
                .arg("--server.port=" + port)
                .arg("--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers())
                .arg("--spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.metadata.max.age.ms=1000")
                // a SIGKILLed member must not hold its partitions for Kafka's default 45 s
                .arg("--spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.session.timeout.ms=6000")
                .arg("--spring.cloud.stream.kafka.bindings.ingress.consumer.configuration.heartbeat.interval.ms=1000")
                .logFile(Path.of("target", "logs", name + ".log"));
        if (List.of(args).stream().noneMatch(arg -> arg.startsWith("--" + ServiceCatalogue.LOCATION_OPTION + "="))) {
            // the checkout's catalogue: the risk entry loads the sample's function jar built next to it
            builder.arg("--" + ServiceCatalogue.LOCATION_OPTION + "=" + LAYOUT.root().resolve("schemas/services"));
        }
        List.of(args).forEach(builder::arg);
        return builder;
    }

    /**
     * A catalogue with one entry, {@code service}, onboarded as files only: the sample's request and
     * response schema histories from the checkout's {@code risk} entry, called over HTTP at {@code url}.
     */
    static Path httpCatalogue(String service, String url) {
        Path catalogue = workDir.resolve("catalogue-" + service);
        Path risk = LAYOUT.root().resolve("schemas/services/risk");
        try {
            for (String kind : List.of("request", "response")) {
                Path folder = Files.createDirectories(catalogue.resolve(service).resolve(kind));
                try (Stream<Path> versions = Files.list(risk.resolve(kind))) {
                    for (Path version : versions.toList()) {
                        Files.copy(version, folder.resolve(version.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(catalogue.resolve(service).resolve(ServiceCatalogue.DESCRIPTOR), """
                    name: %s
                    key: [txn_id]
                    invoke:
                      http: {url: "%s", timeout: 10s}
                    consumer: {max-in-flight: 64, max-attempts: 4, call-timeout: 10s}
                    """.formatted(service, url));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalogue;
    }

    private static App awaitHealthy(App app) {
        app.process().awaitReady(Duration.ofSeconds(90), () -> get(app.url("/actuator/health")).contains("\"UP\""));
        return app;
    }

    static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The value of a Prometheus sample (summed over its label sets) from /actuator/prometheus. */
    static double metric(App app, String name) {
        String body = get(app.url("/actuator/prometheus"));
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
