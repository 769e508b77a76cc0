package dev.sandtable.scheduler.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.Plugin;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.plugins.imagelocality.ImageLocality;
import dev.sandtable.scheduler.plugins.interpodaffinity.InterPodAffinity;
import dev.sandtable.scheduler.plugins.nodeaffinity.NodeAffinity;
import dev.sandtable.scheduler.plugins.nodename.NodeName;
import dev.sandtable.scheduler.plugins.nodeports.NodePorts;
import dev.sandtable.scheduler.plugins.noderesources.BalancedAllocation;
import dev.sandtable.scheduler.plugins.noderesources.Fit;
import dev.sandtable.scheduler.plugins.noderesources.ScoringStrategy;
import dev.sandtable.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import dev.sandtable.scheduler.plugins.podtopologyspread.PodTopologySpread;
import dev.sandtable.scheduler.plugins.tainttoleration.TaintToleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the plugins of a profile from their names and args (kube-scheduler v1.31 frameworkruntime.Registry):
 * one instance per plugin per profile, shared by all the extension points it implements.
 */
public final class PluginRegistry {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PluginRegistry() {
    }

    /** The profile, or an IllegalArgumentException naming the plugin whose args are invalid. */
    public static Profile build(ProfileConfig config, Listers listers) {
        Map<String, Plugin> instances = new LinkedHashMap<>();
        List<FilterPlugin> filters = new ArrayList<>();
        for (String name : config.filters()) {
            filters.add((FilterPlugin) instances.computeIfAbsent(name, n -> create(n, config.args().getOrDefault(n, Map.of()), listers)));
        }
        List<Profile.WeightedScore> scores = new ArrayList<>();
        for (PluginSpec s : config.scores()) {
            Plugin p = instances.computeIfAbsent(s.name(), n -> create(n, config.args().getOrDefault(n, Map.of()), listers));
            scores.add(new Profile.WeightedScore((ScorePlugin) p, s.weight()));
        }
        return new Profile(config.schedulerName(), filters, scores, config.percentageOfNodesToScore(), config.preemption());
    }

    static Plugin create(String name, Map<String, Object> args, Listers listers) {
        try {
            return switch (name) {
                case NodeUnschedulable.NAME -> new NodeUnschedulable();
                case NodeName.NAME -> new NodeName();
                case TaintToleration.NAME -> new TaintToleration();
                case NodeAffinity.NAME -> new NodeAffinity();
                case NodePorts.NAME -> new NodePorts();
                case Fit.NAME -> new Fit(scoringStrategy(args.get("scoringStrategy")));
                case BalancedAllocation.NAME -> new BalancedAllocation(args.get("resources") == null
                        ? ScoringStrategy.DEFAULT_RESOURCES : resources(args.get("resources")));
                case ImageLocality.NAME -> new ImageLocality();
                case InterPodAffinity.NAME -> new InterPodAffinity(listers,
                        args.get("hardPodAffinityWeight") instanceof Number n ? n.intValue() : 1,
                        Boolean.TRUE.equals(args.get("ignorePreferredTermsOfExistingPods")));
                case PodTopologySpread.NAME -> new PodTopologySpread(listers, constraints(args.get("defaultConstraints")),
                        "List".equals(args.get("defaultingType")) ? PodTopologySpread.DefaultingType.LIST : PodTopologySpread.DefaultingType.SYSTEM);
                default -> throw new IllegalArgumentException("unknown plugin " + name);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " args: " + e.getMessage(), e);
        }
    }

    /** NodeResourcesFitArgs.scoringStrategy, validated as ValidateNodeResourcesFitArgs does. */
    static ScoringStrategy scoringStrategy(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return ScoringStrategy.LEAST_ALLOCATED;
        }
        String type = m.get("type") == null ? "LeastAllocated" : String.valueOf(m.get("type"));
        ScoringStrategy.Type t = switch (type) {
            case "LeastAllocated" -> ScoringStrategy.Type.LEAST_ALLOCATED;
            case "MostAllocated" -> ScoringStrategy.Type.MOST_ALLOCATED;
            case "RequestedToCapacityRatio" -> ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO;
            default -> throw new IllegalArgumentException("scoringStrategy.type: Unsupported value: \"" + type
                    + "\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"");
        };
        List<ScoringStrategy.ResourceWeight> resources = m.get("resources") == null ? ScoringStrategy.DEFAULT_RESOURCES : resources(m.get("resources"));
        List<ScoringStrategy.UtilizationShapePoint> shape = new ArrayList<>();
        if (t == ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO) {
            Object rtcr = m.get("requestedToCapacityRatio");
            Object points = rtcr instanceof Map<?, ?> rm ? rm.get("shape") : null;
            if (!(points instanceof List<?> pl) || pl.isEmpty()) {
                throw new IllegalArgumentException("scoringStrategy.requestedToCapacityRatio.shape: Required value: at least one point");
            }
            int last = -1;
            for (Object o : pl) {
                Map<?, ?> pm = (Map<?, ?>) o;
                int u = ((Number) pm.get("utilization")).intValue();
                int sc = ((Number) pm.get("score")).intValue();
                if (u < 0 || u > 100 || sc < 0 || sc > 10 || u <= last) {
                    throw new IllegalArgumentException("scoringStrategy.requestedToCapacityRatio.shape: utilization must be 0-100 and increasing, score 0-10");
                }
                last = u;
                shape.add(new ScoringStrategy.UtilizationShapePoint(u, sc));
            }
        }
        return new ScoringStrategy(t, resources, shape);
    }

    private static List<ScoringStrategy.ResourceWeight> resources(Object raw) {
        List<ScoringStrategy.ResourceWeight> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> r = (Map<?, ?>) o;
                long weight = r.get("weight") instanceof Number n ? n.longValue() : 1;
                if (weight < 1 || weight > 100) {
                    throw new IllegalArgumentException("resources[" + out.size() + "].weight: Invalid value: " + weight + ": resource weight of "
                            + r.get("name") + " not in valid range [1, 100]");
                }
                out.add(new ScoringStrategy.ResourceWeight(String.valueOf(r.get("name")), weight));
            }
        }
        return out;
    }

    private static List<TopologySpreadConstraint> constraints(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        List<TopologySpreadConstraint> out = new ArrayList<>();
        for (Object o : list) {
            out.add(MAPPER.convertValue(o, TopologySpreadConstraint.class));
        }
        return out;
    }
}
