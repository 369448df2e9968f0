package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;

/**
 * One KRaft broker and one SCDF server, started as real processes and shared by every test class
 * of a test JVM (see {@link LocalPlatformExtension}): starting them once costs ~15 s.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final String COMMON_TASK_PROPERTY = "--spring.cloud.dataflow.application-properties.task.";

    private final RepositoryLayout layout;

    private final Path workDir;

    private final KafkaBrokerProcess kafka;

    private final DataFlowServerProcess dataflow;

    private LocalPlatform(RepositoryLayout layout, Path workDir, KafkaBrokerProcess kafka, DataFlowServerProcess dataflow) {
        this.layout = layout;
        this.workDir = workDir;
        this.kafka = kafka;
        this.dataflow = dataflow;
    }

    public static LocalPlatform start(RepositoryLayout layout, Path workDir, List<String> serverArguments) {
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start(layout, workDir);
        try {
            // as up.sh does: every task learns the catalogue and the broker from SCDF's common task properties
            List<String> arguments = new ArrayList<>(List.of(
                    COMMON_TASK_PROPERTY + "offstream.services.location=" + layout.root().resolve("schemas/services").toUri(),
                    COMMON_TASK_PROPERTY + "offstream.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
            arguments.addAll(serverArguments);
            DataFlowServerProcess dataflow = DataFlowServerProcess.start(layout, workDir, arguments);
            return new LocalPlatform(layout, workDir, kafka, dataflow);
        }
        catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public RepositoryLayout layout() {
        return layout;
    }

    public Path workDir() {
        return workDir;
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public DataFlowServerProcess dataflowServer() {
        return dataflow;
    }

    public DataFlowClient dataflow() {
        return dataflow.client();
    }

    @Override
    public void close() {
        try {
            dataflow.close();
        }
        finally {
            kafka.close();
        }
    }
}
