package dev.sandtable.scheduler.framework;

import java.util.List;

/** The PreScore extension point: prepares scoring once per cycle; SKIP skips the plugin's Score. */
public interface PreScorePlugin extends Plugin {
    Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes);
}
