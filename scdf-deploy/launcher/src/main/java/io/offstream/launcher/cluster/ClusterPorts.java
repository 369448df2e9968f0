package io.offstream.launcher.cluster;

/**
 * The ports of the local engine clusters ({@code up.sh --cluster}). {@link #fixed()} are README's;
 * tests give free ones. Each process's other ports (a worker's RPC, Flink's blob server and data
 * exchange) are chosen by the engine at start.
 */
public record ClusterPorts(int nameNode, int nameNodeHttp, int dataNode, int dataNodeHttp, int dataNodeIpc, int sparkMaster, int sparkMasterUi,
        int firstSparkWorkerUi, int flinkRpc, int flinkRest, int flinkTaskManagerRpc) {

    public static ClusterPorts fixed() {
        return new ClusterPorts(19000, 19870, 19866, 19864, 19867, 17077, 18080, 18081, 16123, 18281, 16124);
    }

    /** The n-th worker's UI (from 0). */
    public int sparkWorkerUi(int worker) {
        return firstSparkWorkerUi + worker;
    }
}
