package dev.sandtable.cluster;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/** A validated node pool with every default applied: what the node factory and the autoscaler work from. */
public record ResolvedNodePool(
        String name,
        Provider provider,
        String instanceType,
        NodeResources capacity,
        NodeResources allocatable,
        Reservation reservation,
        Arch arch,
        Mode mode,
        int minCount,
        int maxCount,
        int initialCount,
        boolean autoscaling,
        Map<String, String> labels,
        List<Taint> taints,
        List<String> zones,
        String region,
        boolean spot,
        double pricePerHour) {

    /** AKS node pool mode; EKS and GKE pools are all User pools. */
    public enum Mode { SYSTEM, USER }
}
