package dev.sandtable.report;

import java.util.List;
import java.util.Map;

/**
 * What a run shows: node pools with their capacity and load, where each workload's pods landed,
 * and every pending pod with the scheduler's reason, also grouped by workload. Plain data, rendered as text or JSON.
 */
public record ClusterReport(
        String simulated,
        long seed,
        List<String> notes,
        List<Pool> pools,
        List<Workload> workloads,
        List<PendingPod> pending,
        List<PendingWorkload> pendingByWorkload) {

    /** A node pool (or the nodes given directly) with per-node allocatable and the share of it requested. */
    public record Pool(String name, String provider, String instanceType, int nodes, long allocatableCpuMillisPerNode,
                       long allocatableMemoryBytesPerNode, long requestedCpuMillis, long requestedMemoryBytes,
                       int cpuRequestedPercent, int memoryRequestedPercent, int pods, List<String> taints, double pricePerHour) {
    }

    /**
     * A workload by its top-level controller, with its pods counted per pool and the nodes they run on, its containers'
     * restarts (OOM kills) and how many of its pods wait in CrashLoopBackOff.
     */
    public record Workload(String kind, String namespace, String name, int desired, int ready, int pending,
                           Map<String, Integer> podsPerPool, List<String> nodes, int restarts, int crashLoopBackOff) {
        public String id() {
            return kind + " " + namespace + "/" + name;
        }
    }

    /** A pod the scheduler could not place, with the upstream failure message. */
    public record PendingPod(String namespace, String name, String workload, String reason, String since) {
    }

    /** The pending pods of one workload (or one bare pod), counted per distinct scheduler message. */
    public record PendingWorkload(String workload, int pods, List<PendingReason> reasons) {
    }

    /** One scheduler message, how many of the workload's pending pods have it, and the first of them by name. */
    public record PendingReason(String message, int pods, String example) {
    }
}
