package dev.sandtable.scheduler.config;

import java.util.List;
import java.util.Map;

/**
 * One KubeSchedulerProfile after defaults and merging: the filter plugins in order, the score plugins with
 * weights, each plugin's args (raw, as written) and percentageOfNodesToScore (0: adaptive).
 */
public record ProfileConfig(String schedulerName, List<String> filters, List<PluginSpec> scores,
                            Map<String, Map<String, Object>> args, int percentageOfNodesToScore, boolean preemption) {
}
