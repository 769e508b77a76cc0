package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * Effective pod requests as k8s.io/component-helpers resource.PodRequests (v1.31) computes them:
 * max(sum of app containers plus sidecars, each init container plus the sidecars started before it) plus overhead.
 */
public final class PodRequests {
    private PodRequests() {
    }

    public static Resources of(PodSpec spec) {
        Resources containers = sum(spec.getContainers());
        Resources sidecars = Resources.ZERO;
        Resources initPeak = Resources.ZERO;
        List<Container> inits = spec.getInitContainers();
        if (inits != null) {
            for (Container c : inits) {
                Resources r = requests(c);
                if ("Always".equals(c.getRestartPolicy())) {
                    sidecars = sidecars.plus(r);
                    initPeak = initPeak.max(sidecars);
                } else {
                    initPeak = initPeak.max(sidecars.plus(r));
                }
            }
        }
        Resources total = containers.plus(sidecars).max(initPeak);
        if (spec.getOverhead() != null) {
            total = total.plus(Resources.of(spec.getOverhead()));
        }
        return total;
    }

    /** A container's requests; limits stand in for requests that are not set, as API defaulting does. */
    public static Resources requests(Container c) {
        ResourceRequirements rr = c.getResources();
        if (rr == null) {
            return Resources.ZERO;
        }
        Resources requests = Resources.of(rr.getRequests());
        if (rr.getLimits() == null || rr.getLimits().isEmpty()) {
            return requests;
        }
        var merged = new java.util.HashMap<>(rr.getLimits());
        if (rr.getRequests() != null) {
            merged.putAll(rr.getRequests());
        }
        return Resources.of(merged);
    }

    private static Resources sum(List<Container> cs) {
        Resources total = Resources.ZERO;
        if (cs != null) {
            for (Container c : cs) {
                total = total.plus(requests(c));
            }
        }
        return total;
    }
}
