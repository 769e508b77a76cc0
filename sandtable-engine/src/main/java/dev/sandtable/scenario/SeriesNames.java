package dev.sandtable.scenario;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series a run records, so expectations can be checked against names that will exist. */
public final class SeriesNames {
    public static final List<String> POOL = List.of("nodes", "cpuRequested", "cpuUsed", "memoryRequested", "memoryUsed");
    public static final List<String> WORKLOAD = List.of("desired", "ready", "pending");
    public static final List<String> LOADED = List.of("load", "served", "dropped");
    public static final List<String> SERVICE = List.of("endpoints", "load", "served", "dropped", "availability");
    public static final List<String> HPA = List.of("desired", "current");
    public static final List<String> CLUSTER = List.of("nodes", "pendingPods", "nodesAdded", "nodesRemoved");
    private static final Pattern NAME = Pattern.compile("(pool|workload|service|hpa)\\[([^\\]]+)]\\.([A-Za-z_][A-Za-z0-9_]*)|cluster\\.([A-Za-z]+)");

    private SeriesNames() {
    }

    /** Null when the series will be recorded, else why not (one line). */
    public static String problem(String series, ParseContext ctx, List<String> loadedKeys, Map<String, List<String>> customMetrics) {
        Matcher m = NAME.matcher(series);
        if (!m.matches()) {
            return "not a series name: " + series + " (series look like pool[NAME].nodes, workload[NS/NAME].ready, hpa[NS/NAME].desired, service[NS/NAME].availability, cluster.pendingPods)";
        }
        if (m.group(4) != null) {
            return CLUSTER.contains(m.group(4)) ? null : "cluster has no series " + m.group(4) + "; it has " + CLUSTER;
        }
        String family = m.group(1);
        String id = m.group(2);
        String metric = m.group(3);
        String key = family + "[" + id + "]";
        if (customMetrics.getOrDefault(key, List.of()).contains(metric)) {
            return null;
        }
        return switch (family) {
            case "pool" -> !ctx.hasPool(id) ? "no node pool " + id + " (pools: " + ctx.pools() + ")"
                    : POOL.contains(metric) ? null : "pools have no series " + metric + "; they have " + POOL;
            case "workload" -> ctx.workloads().values().stream().noneMatch(w -> w.id().equals(id)) ? "no workload " + id
                    : WORKLOAD.contains(metric) || LOADED.contains(metric) && loadedKeys.contains(key) ? null
                    : "workload " + id + " has no series " + metric + "; it has " + WORKLOAD + (loadedKeys.contains(key) ? " and " + LOADED : "");
            case "hpa" -> !ctx.hpas().contains(id) ? "no HorizontalPodAutoscaler " + id + " (HPAs: " + ctx.hpas() + ")"
                    : HPA.contains(metric) ? null : "HPAs have no series " + metric + "; they have " + HPA;
            default -> !ctx.services().contains(id) ? "no Service " + id
                    : !loadedKeys.contains(key) && !metric.equals("endpoints") ? "Service " + id + " gets no load in this scenario, so it only has [endpoints]"
                    : SERVICE.contains(metric) ? null : "Services have no series " + metric + "; they have " + SERVICE;
        };
    }
}
