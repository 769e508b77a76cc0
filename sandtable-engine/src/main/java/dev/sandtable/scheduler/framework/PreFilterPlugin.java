package dev.sandtable.scheduler.framework;

import java.util.List;

/**
 * The PreFilter extension point: computes what Filter needs once per cycle over all nodes. Returning
 * SKIP skips the plugin's Filter; a failure makes every node unschedulable with that status.
 */
public interface PreFilterPlugin extends Plugin {
    Status preFilter(CycleState state, PodInfo pod, List<NodeInfo> allNodes);
}
