package io.offstream.consumertests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KRaft broker in this JVM and starters for the built jars of the service consumer and the
 * sample service's real-time app, as the local platform runs them, on free ports.
 */
abstract class ConsumerProcessTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final RepositoryLayout LAYOUT = RepositoryLayout.locate();

    @TempDir
    static Path workDir;

    static KraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KraftBroker(KraftBrokerSettings.builder(workDir.resolve("kafka")).freePorts().build()).start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
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
        JavaProcess.Builder builder = JavaProcess.jar(name, LAYOUT.appJar("stream-apps/service-consumer", "offstream-service-consumer.jar"))
                .jvmOption("-Xmx512m")
                .arg("--server.port=" + port)
                .arg("--offstream.consumer.bootstrap-servers=" + broker.bootstrapServers())
                .arg("--offstream.consumer.topic-refresh=1s")
                // a SIGKILLed member must not hold its partitions for Kafka's default 45 s
                .arg("--offstream.consumer.kafka[session.timeout.ms]=6000")
                .arg("--offstream.consumer.kafka[heartbeat.interval.ms]=1000")
                .logFile(Path.of("target", "logs", name + ".log"));
        List.of(args).forEach(builder::arg);
        return builder;
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
