package io.offstream.launcher.run;

import java.util.Map;

import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.EngineClusters;

/**
 * Where run-demo.sh's run reads, lands and computes: under {@code .offstream} with the embedded
 * engines, or on the local engine clusters (--cluster): their HDFS, Spark master and Flink session.
 *
 * @param landing the landing root every phase is given (a path or a URI)
 * @param warehouses the folder the sample warehouses go under (a path or a URI)
 * @param taskProperties the phases' engine settings, given with every launch (a server started
 *        without --cluster does not have them as common properties)
 */
public record RunTarget(String landing, String warehouses, Map<String, String> taskProperties) {

    /** The embedded engines, their settings passed with every launch as the clusters' are ({@link EngineClusters#embeddedTaskProperties}). */
    public static RunTarget local(PlatformSettings settings) {
        return new RunTarget(settings.landing().toString(), settings.home().resolve("warehouse").toString(),
                EngineClusters.embeddedTaskProperties());
    }

    public static RunTarget onClusters(EngineClusters clusters) {
        return new RunTarget(clusters.landing().toString(), clusters.hdfs().resolve("/offstream/warehouse").toString(),
                clusters.taskProperties());
    }

    /** The sample warehouse of a dataset, e.g. {@code .offstream/warehouse/transactions}. */
    public String sampleWarehouse(String dataset) {
        return warehouses + "/" + dataset;
    }
}
