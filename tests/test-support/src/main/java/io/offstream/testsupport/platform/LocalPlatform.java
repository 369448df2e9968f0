package io.offstream.testsupport.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;

/**
 * One KRaft broker and one SCDF server, started as real processes and shared by every test class
 * of a test JVM (see {@link LocalPlatformExtension}): starting them once costs ~15 s. Their
 * arguments are the launcher's (scdf-deploy/launcher), as up.sh's are, on free ports.
 */
public final class LocalPlatform implements AutoCloseable {

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
            DataFlowServerProcess dataflow = DataFlowServerProcess.start(layout, workDir, kafka.port(), serverArguments, Map.of(), null);
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
