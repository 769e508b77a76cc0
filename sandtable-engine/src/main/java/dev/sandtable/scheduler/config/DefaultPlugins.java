package dev.sandtable.scheduler.config;

import java.util.List;
import java.util.Set;

/**
 * The default profile's multiPoint plugins of kube-scheduler v1.31 (pkg/scheduler/apis/config/v1 default_plugins.go),
 * in order, with score weights; and which extension points each plugin Sandtable simulates implements.
 */
public final class DefaultPlugins {
    /** Upstream default multiPoint list; weight 0 means the plugin has no Score. */
    public static final List<PluginSpec> MULTI_POINT = List.of(
            new PluginSpec("SchedulingGates", 0),
            new PluginSpec("PrioritySort", 0),
            new PluginSpec("NodeUnschedulable", 0),
            new PluginSpec("NodeName", 0),
            new PluginSpec("TaintToleration", 3),
            new PluginSpec("NodeAffinity", 2),
            new PluginSpec("NodePorts", 0),
            new PluginSpec("NodeResourcesFit", 1),
            new PluginSpec("VolumeRestrictions", 0),
            new PluginSpec("NodeVolumeLimits", 0),
            new PluginSpec("VolumeBinding", 0),
            new PluginSpec("VolumeZone", 0),
            new PluginSpec("PodTopologySpread", 2),
            new PluginSpec("InterPodAffinity", 2),
            new PluginSpec("DefaultPreemption", 0),
            new PluginSpec("NodeResourcesBalancedAllocation", 1),
            new PluginSpec("ImageLocality", 1),
            new PluginSpec("DefaultBinder", 0));

    /** Plugins with a Filter extension point that Sandtable simulates. */
    public static final Set<String> FILTERS = Set.of("NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity",
            "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");

    /** Plugins with a Score extension point that Sandtable simulates. */
    public static final Set<String> SCORES = Set.of("TaintToleration", "NodeAffinity", "NodeResourcesFit", "PodTopologySpread",
            "InterPodAffinity", "NodeResourcesBalancedAllocation", "ImageLocality");

    /** Plugins with a PostFilter extension point that Sandtable simulates. */
    public static final Set<String> POST_FILTERS = Set.of("DefaultPreemption");

    /** Upstream plugins Sandtable accepts in a configuration but does not simulate (volumes, gates, binding, queue sort). */
    public static final Set<String> NOT_SIMULATED = Set.of("SchedulingGates", "PrioritySort", "VolumeRestrictions",
            "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "DefaultBinder", "EBSLimits", "GCEPDLimits",
            "AzureDiskLimits", "CinderLimits", "DynamicResources", "NodeResourcesLeastAllocated");

    private DefaultPlugins() {
    }
}
