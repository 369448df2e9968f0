package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.time.Duration;

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
        JavaProcess process = JavaProcess.jar("kafka-broker", layout.kafkaBrokerJar())
                .arg("--port=" + port)
                .arg("--controller-port=" + controllerPort)
                .arg("--data-dir=" + workDir.resolve("kafka"))
                .logFile(workDir.resolve("logs/kafka-broker.log"))
                .start();
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
