package dev.sandtable.report;

import dev.sandtable.scheduler.framework.Explanation;
import java.util.List;

/**
 * The outcome of scheduling a set of pods once: each pod's node or failure message, the unschedulable ones grouped by
 * workload and message, and explanations asked for.
 */
public record SchedulingReport(int nodes, int pods, int scheduled, int unschedulable, List<Placement> placements,
                               List<ClusterReport.PendingWorkload> unschedulableByWorkload, List<Explanation> explanations) {

    /** One pod: the node it was bound to (null when unschedulable) and the scheduler's message. */
    public record Placement(String namespace, String name, String node, String pool, String message) {
    }
}
