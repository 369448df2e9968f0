package io.offstream.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's data directory: checked to be writable, formatted for KRaft on the first start (a new
 * cluster id, written to {@code meta.properties}) and left as it is on every later start.
 */
final class KraftStorage {

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /**
     * Makes {@code directory} ready for a KRaft node.
     *
     * @return the cluster id stored in the directory
     */
    static String prepare(Path directory, int nodeId, String controllerListenerName) {
        ensureWritable(directory);
        MetaPropertiesEnsemble ensemble = load(directory);
        MetaProperties existing = ensemble.logDirProps().get(directory.toString());
        if (existing != null) {
            return verified(directory, existing, nodeId);
        }
        return format(directory, nodeId, controllerListenerName);
    }

    static void ensureWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw KraftBrokerException.dataDirectoryNotWritable(directory, e);
        }
    }

    private static MetaPropertiesEnsemble load(Path directory) {
        MetaPropertiesEnsemble ensemble;
        try {
            ensemble = new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(directory.toString())).load();
        } catch (IOException e) {
            throw new KraftBrokerException("Could not read " + directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME), e);
        }
        if (ensemble.errorLogDirs().contains(directory.toString())) {
            throw new KraftBrokerException("Could not read " + directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME)
                    + ": fix or delete the file (deleting the whole data directory starts a new, empty cluster)");
        }
        return ensemble;
    }

    private static String verified(Path directory, MetaProperties existing, int nodeId) {
        if (existing.nodeId().isEmpty() || existing.nodeId().getAsInt() != nodeId || existing.clusterId().isEmpty()) {
            throw new KraftBrokerException("Kafka data directory " + directory + " belongs to node "
                    + (existing.nodeId().isPresent() ? existing.nodeId().getAsInt() : "<none>")
                    + " of cluster " + existing.clusterId().orElse("<none>") + ", not to node " + nodeId
                    + ": use that node id, or another (or an emptied) data directory");
        }
        String clusterId = existing.clusterId().get();
        log.info("Reusing Kafka data directory {} (cluster id {})", directory, clusterId);
        return clusterId;
    }

    private static String format(Path directory, int nodeId, String controllerListenerName) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(controllerListenerName)
                    .addDirectory(directory.toString())
                    .setMetadataLogDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new KraftBrokerException("Could not format Kafka data directory " + directory + ": "
                    + KraftBrokerException.describe(e), e);
        }
        log.debug("Formatter said: {}", output.toString(StandardCharsets.UTF_8).trim());
        log.info("Formatted Kafka data directory {} for a new cluster (cluster id {})", directory, clusterId);
        return clusterId;
    }
}
