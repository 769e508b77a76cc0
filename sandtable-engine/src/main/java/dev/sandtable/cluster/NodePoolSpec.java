package dev.sandtable.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/**
 * The NodePool spec as users write it. Either instanceType (from the bundled catalog) or capacity
 * gives the node shape; counts, labels, taints and zones follow the managed node pools of AKS, EKS and GKE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodePoolSpec(
        String provider,
        String instanceType,
        Map<String, Quantity> capacity,
        String mode,
        Integer minCount,
        Integer maxCount,
        Integer initialCount,
        Boolean autoscaling,
        Map<String, String> labels,
        List<Taint> taints,
        List<String> zones,
        String region,
        String arch,
        Boolean spot,
        Integer maxPods,
        Double pricePerHour) {

    public static final NodePoolSpec EMPTY = new NodePoolSpec(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);
}
