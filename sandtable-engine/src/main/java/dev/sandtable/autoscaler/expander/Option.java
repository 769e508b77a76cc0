package dev.sandtable.autoscaler.expander;

import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.scheduler.framework.PodInfo;
import java.util.List;

/** One way to scale up (cluster-autoscaler 1.31 expander.Option): a pool, how many nodes, and the pending pods they would take. */
public record Option(ResolvedNodePool pool, int nodeCount, List<PodInfo> pods) {
}
