package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.time.Duration;

import io.offstream.launcher.platform.PlatformArguments;
import io.offstream.launcher.platform.SecretFiles;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/** The repo's KRaft broker (scdf-deploy/kafka-broker) as a separate process on free ports. */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final JavaProcess process;

    private final int port;

    private KafkaBrokerProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBrokerProcess start(RepositoryLayout layout, Path workDir) {
        int port = FreePorts.find();
        int controllerPort = FreePorts.find();
        // the broker's arguments as up.sh gives them, on free ports under the test's work directory
        PlatformArguments arguments = new PlatformArguments(TestPlatformSettings.of(layout, workDir, TestPlatformSettings.kafka(port, controllerPort)),
                new SecretFiles(workDir.resolve("secrets")));
        JavaProcess.Builder builder = JavaProcess.jar("kafka-broker", layout.kafkaBrokerJar()).logFile(workDir.resolve("logs/kafka-broker.log"));
        arguments.kafka().forEach(builder::arg);
        JavaProcess process = builder.start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port);
        process.awaitReady(Duration.ofSeconds(90), () -> process.logContains("Kafka broker ready"));
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The clients' port. */
    public int port() {
        return port;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
