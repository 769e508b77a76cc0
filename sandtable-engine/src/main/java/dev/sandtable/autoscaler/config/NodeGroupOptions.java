package dev.sandtable.autoscaler.config;

import java.time.Duration;

/**
 * The options cluster-autoscaler 1.31 lets a node group override (config.NodeGroupAutoscalingOptions), plus how long
 * a new node of the group takes to register, which the real autoscaler observes rather than sets.
 */
public record NodeGroupOptions(double scaleDownUtilizationThreshold, Duration scaleDownUnneededTime, Duration scaleDownUnreadyTime,
                               Duration maxNodeProvisionTime, boolean ignoreDaemonSetsUtilization, Duration provisioningDelay) {
}
