package dev.sandtable.autoscaler.config;

import dev.sandtable.cluster.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * cluster-autoscaler 1.31 options (config.AutoscalingOptions) that change what the simulation does, with the upstream
 * flag defaults; {@link OptionsParser} reads them from a ClusterAutoscaler object by their flag names.
 *
 * @param nodeGroupDefaults the per-group options every pool starts from (provisioningDelay null: the provider's)
 * @param nodeGroups per-pool overrides, by pool name
 * @param priorities the priority expander's configuration: priority to pool-name regexes
 */
public record AutoscalingOptions(
        Duration scanInterval,
        List<String> expanders,
        int maxNodesTotal,
        boolean scaleDownEnabled,
        Duration scaleDownDelayAfterAdd,
        Duration scaleDownDelayAfterDelete,
        Duration scaleDownDelayAfterFailure,
        int scaleDownNonEmptyCandidatesCount,
        boolean scaleDownUnreadyEnabled,
        int maxEmptyBulkDelete,
        int maxScaleDownParallelism,
        int maxDrainParallelism,
        Duration maxGracefulTermination,
        Duration maxPodEvictionTime,
        int expendablePodsPriorityCutoff,
        Duration newPodScaleUpDelay,
        boolean skipNodesWithSystemPods,
        boolean skipNodesWithLocalStorage,
        boolean skipNodesWithCustomControllerPods,
        Duration unremovableNodeRecheckTimeout,
        Duration initialNodeGroupBackoffDuration,
        Duration maxNodeGroupBackoffDuration,
        int maxNodesPerScaleUp,
        boolean enforceNodeGroupMinSize,
        boolean daemonSetEvictionForOccupiedNodes,
        boolean daemonSetEvictionForEmptyNodes,
        NodeGroupOptions nodeGroupDefaults,
        Map<String, NodeGroupOptions> nodeGroups,
        Map<Integer, List<String>> priorities) {

    /** Default expander. Upstream's flag default is random; Sandtable defaults to least-waste (docs/fidelity.md). */
    public static final String DEFAULT_EXPANDER = "least-waste";

    public static AutoscalingOptions defaults() {
        return new AutoscalingOptions(Duration.ofSeconds(10), List.of(DEFAULT_EXPANDER), 0, true, Duration.ofMinutes(10),
                Duration.ZERO, Duration.ofMinutes(3), 30, true, 10, 10, 1, Duration.ofMinutes(10), Duration.ofMinutes(2), -10,
                Duration.ZERO, true, true, true, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30), 1000,
                false, true, false,
                new NodeGroupOptions(0.5, Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(15), false, null),
                Map.of(), Map.of());
    }

    /** The options in force for one pool: its overrides, else the defaults, with the provider's provisioning delay. */
    public NodeGroupOptions forGroup(String pool, Provider provider) {
        NodeGroupOptions o = nodeGroups.getOrDefault(pool, nodeGroupDefaults);
        return o.provisioningDelay() != null ? o : new NodeGroupOptions(o.scaleDownUtilizationThreshold(), o.scaleDownUnneededTime(),
                o.scaleDownUnreadyTime(), o.maxNodeProvisionTime(), o.ignoreDaemonSetsUtilization(), defaultProvisioningDelay(provider));
    }

    /**
     * How long a new node takes from the scale-up call to a Ready node, when the settings do not say: Sandtable's
     * estimates of each provider's usual VM boot and node bootstrap (docs/autoscaling.md), not measurements.
     */
    public static Duration defaultProvisioningDelay(Provider provider) {
        return switch (provider) {
            case AKS -> Duration.ofMinutes(3);
            case EKS -> Duration.ofMinutes(2);
            case GKE -> Duration.ofSeconds(90);
            case NONE -> Duration.ofMinutes(2);
        };
    }

    /** scale-down-delay-after-delete defaults to the scan interval when 0. */
    public Duration effectiveDelayAfterDelete() {
        return scaleDownDelayAfterDelete.isZero() ? scanInterval : scaleDownDelayAfterDelete;
    }
}
