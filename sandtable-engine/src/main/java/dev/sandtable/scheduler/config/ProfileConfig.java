package dev.sandtable.scheduler.config;

import java.util.List;
import java.util.Map;

/**
 * One KubeSchedulerProfile after defaults and merging: the filter plugins in order, the score plugins with
 * weights, the PostFilter plugins in order, each plugin's args (raw, as written) and percentageOfNodesToScore (0: adaptive).
 */
public record ProfileConfig(String schedulerName, List<String> filters, List<PluginSpec> scores, List<String> postFilters,
                            Map<String, Map<String, Object>> args, int percentageOfNodesToScore) {
}
