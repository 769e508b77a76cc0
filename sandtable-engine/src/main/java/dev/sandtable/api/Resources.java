package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource vector in integer units (millicores, bytes, counts), as the scheduler's
 * framework.Resource (kube-scheduler v1.31) keeps it for fast arithmetic.
 */
public record Resources(long cpuMillis, long memoryBytes, long ephemeralStorageBytes, long pods, Map<String, Long> scalars) {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";
    public static final Resources ZERO = new Resources(0, 0, 0, 0, Map.of());

    public Resources {
        scalars = scalars.isEmpty() ? Map.of() : Map.copyOf(scalars);
    }

    /** Reads a Kubernetes ResourceList (map of name to Quantity); null means empty. */
    public static Resources of(Map<String, Quantity> list) {
        if (list == null || list.isEmpty()) {
            return ZERO;
        }
        long cpu = 0, memory = 0, ephemeral = 0, pods = 0;
        Map<String, Long> scalars = new TreeMap<>();
        for (Map.Entry<String, Quantity> e : list.entrySet()) {
            switch (e.getKey()) {
                case CPU -> cpu = Quantities.milliValue(e.getValue());
                case MEMORY -> memory = Quantities.value(e.getValue());
                case EPHEMERAL_STORAGE -> ephemeral = Quantities.value(e.getValue());
                case PODS -> pods = Quantities.value(e.getValue());
                default -> scalars.put(e.getKey(), Quantities.value(e.getValue()));
            }
        }
        return new Resources(cpu, memory, ephemeral, pods, scalars);
    }

    public Resources plus(Resources o) {
        return new Resources(cpuMillis + o.cpuMillis, memoryBytes + o.memoryBytes,
                ephemeralStorageBytes + o.ephemeralStorageBytes, pods + o.pods, merge(scalars, o.scalars, 1));
    }

    public Resources minus(Resources o) {
        return new Resources(cpuMillis - o.cpuMillis, memoryBytes - o.memoryBytes,
                ephemeralStorageBytes - o.ephemeralStorageBytes, pods - o.pods, merge(scalars, o.scalars, -1));
    }

    /** Per-dimension maximum, as used for init containers against regular containers. */
    public Resources max(Resources o) {
        Map<String, Long> s = new TreeMap<>(scalars);
        o.scalars.forEach((k, v) -> s.merge(k, v, Math::max));
        return new Resources(Math.max(cpuMillis, o.cpuMillis), Math.max(memoryBytes, o.memoryBytes),
                Math.max(ephemeralStorageBytes, o.ephemeralStorageBytes), Math.max(pods, o.pods), s);
    }

    public long scalar(String name) {
        return scalars.getOrDefault(name, 0L);
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b, int sign) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, Long> s = new TreeMap<>(a);
        b.forEach((k, v) -> s.merge(k, sign * v, Long::sum));
        return s;
    }
}
