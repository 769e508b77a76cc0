package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Effective pod requests as k8s.io/component-helpers resource.PodRequests (v1.31) computes them:
 * max(sum of app containers plus sidecars, each init container plus the sidecars started before it) plus overhead.
 */
public final class PodRequests {
    /** schedutil.DefaultMilliCPURequest: what scoring assumes for a container that names no cpu request. */
    public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
    /** schedutil.DefaultMemoryRequest: what scoring assumes for a container that names no memory request. */
    public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    private PodRequests() {
    }

    public static Resources of(PodSpec spec) {
        return of(spec, false);
    }

    /**
     * The requests the scheduler scores with (PodResourcesOptions.NonMissingContainerRequests): a container that
     * does not name a cpu or memory request at all counts as requesting 100m or 200Mi of it. A request written
     * as zero stays zero, as upstream only fills in missing keys.
     */
    public static Resources nonZero(PodSpec spec) {
        return of(spec, true);
    }

    private static Resources of(PodSpec spec, boolean nonMissing) {
        Resources containers = Resources.ZERO;
        if (spec.getContainers() != null) {
            for (Container c : spec.getContainers()) {
                containers = containers.plus(requests(c, nonMissing));
            }
        }
        Resources sidecars = Resources.ZERO;
        Resources initPeak = Resources.ZERO;
        List<Container> inits = spec.getInitContainers();
        if (inits != null) {
            for (Container c : inits) {
                Resources r = requests(c, nonMissing);
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
        return requests(c, false);
    }

    private static Resources requests(Container c, boolean nonMissing) {
        Map<String, Quantity> merged = effectiveRequests(c);
        Resources r = Resources.of(merged);
        if (!nonMissing) {
            return r;
        }
        long cpu = merged.containsKey(Resources.CPU) ? r.cpuMillis() : DEFAULT_MILLI_CPU_REQUEST;
        long mem = merged.containsKey(Resources.MEMORY) ? r.memoryBytes() : DEFAULT_MEMORY_REQUEST;
        return new Resources(cpu, mem, r.ephemeralStorageBytes(), r.pods(), r.scalars());
    }

    private static Map<String, Quantity> effectiveRequests(Container c) {
        ResourceRequirements rr = c.getResources();
        if (rr == null) {
            return Map.of();
        }
        Map<String, Quantity> merged = new HashMap<>();
        if (rr.getLimits() != null) {
            merged.putAll(rr.getLimits());
        }
        if (rr.getRequests() != null) {
            merged.putAll(rr.getRequests());
        }
        return merged;
    }
}
