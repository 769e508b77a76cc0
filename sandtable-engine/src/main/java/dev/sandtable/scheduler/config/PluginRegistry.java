package dev.sandtable.scheduler.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.Plugin;
import dev.sandtable.scheduler.framework.PostFilterPlugin;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.plugins.defaultpreemption.DefaultPreemption;
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
        List<PostFilterPlugin> postFilters = new ArrayList<>();
        for (String name : config.postFilters()) {
            postFilters.add((PostFilterPlugin) instances.computeIfAbsent(name, n -> create(n, config.args().getOrDefault(n, Map.of()), listers)));
        }
        return new Profile(config.schedulerName(), filters, scores, postFilters, config.percentageOfNodesToScore());
    }

    /**
     * NewFramework's plugin factory call: the plugin with its (raw) args, defaulted as the v1 API defaults them and
     * validated as the plugin's constructor validates them. Invalid args give an IllegalArgumentException that names
     * the plugin as upstream does: {@code initializing plugin "NodeResourcesFit": <field errors>}.
     */
    static Plugin create(String name, Map<String, Object> args, Listers listers) {
        try {
            return switch (name) {
                case NodeUnschedulable.NAME -> new NodeUnschedulable();
                case NodeName.NAME -> new NodeName();
                case TaintToleration.NAME -> new TaintToleration();
                case NodeAffinity.NAME -> new NodeAffinity();
                case NodePorts.NAME -> new NodePorts();
                case Fit.NAME -> new Fit(scoringStrategy(args.get("scoringStrategy")));
                case BalancedAllocation.NAME -> new BalancedAllocation(balancedResources(args.get("resources")));
                case ImageLocality.NAME -> new ImageLocality();
                case DefaultPreemption.NAME -> new DefaultPreemption(listers);
                case InterPodAffinity.NAME -> new InterPodAffinity(listers,
                        args.get("hardPodAffinityWeight") instanceof Number n ? n.intValue() : 1,
                        Boolean.TRUE.equals(args.get("ignorePreferredTermsOfExistingPods")));
                case PodTopologySpread.NAME -> new PodTopologySpread(listers, constraints(args.get("defaultConstraints")),
                        "List".equals(args.get("defaultingType")) ? PodTopologySpread.DefaultingType.LIST : PodTopologySpread.DefaultingType.SYSTEM);
                default -> throw new UnknownPlugin("plugin \"" + name + "\" does not exist");
            };
        } catch (UnknownPlugin e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("initializing plugin \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static final class UnknownPlugin extends RuntimeException {
        UnknownPlugin(String message) {
            super(message);
        }
    }

    /**
     * NodeResourcesFitArgs.scoringStrategy after v1 defaulting (SetDefaults_NodeResourcesFitArgs: absent means
     * LeastAllocated over cpu and memory; no resources means cpu and memory; weight 0 or absent means 1), with the
     * type checked as ValidateNodeResourcesFitArgs checks it. Every problem is reported at once, as upstream
     * aggregates them; the weights and shape are validated by the Fit constructor (NewFit).
     */
    static ScoringStrategy scoringStrategy(Object raw) {
        if (raw == null) {
            return ScoringStrategy.LEAST_ALLOCATED;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("scoringStrategy: Invalid value: " + raw + ": must be an object");
        }
        List<String> errs = new ArrayList<>();
        String type = m.get("type") == null ? "" : String.valueOf(m.get("type"));
        ScoringStrategy.Type t = ScoringStrategy.Type.ofApiName(type);
        if (t == null) {
            errs.add(ScoringStrategy.Type.notSupported(type));
        }
        List<ScoringStrategy.ResourceWeight> resources = resources(m.get("resources"), "scoringStrategy.resources", errs);
        if (resources.isEmpty()) {
            resources = ScoringStrategy.DEFAULT_RESOURCES;
        }
        List<ScoringStrategy.UtilizationShapePoint> shape = null;
        Object rtcr = m.get("requestedToCapacityRatio");
        if (rtcr != null) {
            if (!(rtcr instanceof Map<?, ?> rm)) {
                errs.add("scoringStrategy.requestedToCapacityRatio: Invalid value: " + rtcr + ": must be an object");
            } else {
                shape = shape(rm.get("shape"), errs);
            }
        }
        // An unsupported type is reported together with whatever else is wrong, as upstream aggregates the errors.
        ScoringStrategy strategy = new ScoringStrategy(t == null ? ScoringStrategy.Type.LEAST_ALLOCATED : t, resources, shape);
        errs.addAll(strategy.validate());
        if (!errs.isEmpty()) {
            throw new IllegalArgumentException(ScoringStrategy.aggregate(errs));
        }
        return strategy;
    }

    /** NodeResourcesBalancedAllocationArgs.resources after v1 defaulting (none means cpu and memory; weight 0 means 1). */
    static List<ScoringStrategy.ResourceWeight> balancedResources(Object raw) {
        List<String> errs = new ArrayList<>();
        List<ScoringStrategy.ResourceWeight> resources = resources(raw, "resources", errs);
        if (!errs.isEmpty()) {
            throw new IllegalArgumentException(ScoringStrategy.aggregate(errs));
        }
        return resources.isEmpty() ? ScoringStrategy.DEFAULT_RESOURCES : resources;
    }

    /** A list of {name, weight}; an absent or zero weight is defaulted to 1, as the v1 defaulting does. */
    private static List<ScoringStrategy.ResourceWeight> resources(Object raw, String path, List<String> errs) {
        List<ScoringStrategy.ResourceWeight> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof List<?> list)) {
            errs.add(path + ": Invalid value: " + raw + ": must be a list of {name, weight}");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> r) || !(r.get("name") instanceof String name)) {
                errs.add(path + "[" + i + "].name: Required value: a resource needs a name");
                continue;
            }
            Long weight = integer(r.get("weight"), path + "[" + i + "].weight", errs);
            out.add(new ScoringStrategy.ResourceWeight(name, weight == null || weight == 0 ? 1 : weight));
        }
        return out;
    }

    /** requestedToCapacityRatio.shape: a list of {utilization, score}; an absent field is 0, as in Go. */
    private static List<ScoringStrategy.UtilizationShapePoint> shape(Object raw, List<String> errs) {
        List<ScoringStrategy.UtilizationShapePoint> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof List<?> list)) {
            errs.add("scoringStrategy.shape: Invalid value: " + raw + ": must be a list of {utilization, score}");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> pm)) {
                errs.add("scoringStrategy.shape[" + i + "]: Invalid value: " + list.get(i) + ": must be {utilization, score}");
                continue;
            }
            Long u = integer(pm.get("utilization"), "scoringStrategy.shape[" + i + "].utilization", errs);
            Long sc = integer(pm.get("score"), "scoringStrategy.shape[" + i + "].score", errs);
            out.add(new ScoringStrategy.UtilizationShapePoint(u == null ? 0 : u, sc == null ? 0 : sc));
        }
        return out;
    }

    /** An integer field: null when absent; an error (and null) when it is not a whole number. */
    private static Long integer(Object v, String path, List<String> errs) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        errs.add(path + ": Invalid value: " + v + ": must be an integer");
        return null;
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
