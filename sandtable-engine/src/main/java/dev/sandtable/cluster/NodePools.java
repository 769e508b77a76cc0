package dev.sandtable.cluster;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.Quantities;
import dev.sandtable.api.Resources;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates a NodePool and applies its defaults, so nodes are only ever built from a sound definition. */
public final class NodePools {
    /** Max pods when neither the pool nor a catalog entry says: the kubelet default. */
    public static final int DEFAULT_MAX_PODS = 110;
    private static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private NodePools() {
    }

    /** The outcome: a resolved pool, or the field errors that prevent it. */
    public record Result(Optional<ResolvedNodePool> pool, List<FieldError> errors) {
    }

    public static Result resolve(NodePool np, InstanceTypeCatalog catalog) {
        NodePoolSpec s = np.getSpec();
        List<FieldError> errors = new ArrayList<>();
        String name = np.getMetadata().getName();

        Provider provider = Provider.NONE;
        if (s.provider() != null) {
            try {
                provider = Provider.parse(s.provider());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("spec.provider", e.getMessage(), "use aks, eks, gke or none"));
            }
        }

        InstanceType type = null;
        if (s.instanceType() != null) {
            type = catalog.find(s.instanceType()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("spec.instanceType", "unknown instance type \"" + s.instanceType() + "\"",
                        "use a type from the bundled catalog (docs/node-pools.md lists them) or give spec.capacity instead"));
            } else if (s.provider() == null) {
                provider = type.provider();
            } else if (provider != Provider.NONE && type.provider() != Provider.NONE && type.provider() != provider) {
                errors.add(new FieldError("spec.instanceType", "instance type " + type.name() + " belongs to provider "
                        + type.provider().name().toLowerCase() + ", but spec.provider is " + s.provider(),
                        "pick an instance type of " + provider.name().toLowerCase() + " (docs/node-pools.md lists them), or fix spec.provider"));
            }
        }
        if (s.instanceType() == null && (s.capacity() == null || s.capacity().isEmpty())) {
            errors.add(new FieldError("spec", "node pool has neither instanceType nor capacity",
                    "set spec.instanceType (e.g. Standard_D4s_v5) or spec.capacity {cpu: \"4\", memory: 16Gi}"));
        }

        Arch arch = type != null ? type.arch() : Arch.AMD64;
        if (s.arch() != null) {
            try {
                Arch wanted = Arch.parse(s.arch());
                if (type != null && wanted != type.arch()) {
                    errors.add(new FieldError("spec.arch", "arch " + wanted.label() + " contradicts instance type "
                            + type.name() + ", which is " + type.arch().label(), "remove spec.arch or pick a " + wanted.label() + " instance type"));
                }
                arch = wanted;
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("spec.arch", e.getMessage(), "use amd64 or arm64"));
            }
        }

        long cpu = type == null ? 0 : type.vcpu() * 1000L;
        long memory = type == null ? 0 : type.memoryBytes();
        if (s.capacity() != null && !s.capacity().isEmpty()) {
            for (var e : s.capacity().entrySet()) {
                try {
                    Quantities.parse(e.getValue());
                } catch (IllegalArgumentException ex) {
                    errors.add(new FieldError("spec.capacity." + e.getKey(), "invalid quantity \"" + Quantities.text(e.getValue())
                            + "\": " + ex.getMessage(), "write e.g. cpu: \"4\" or 3500m, memory: 16Gi"));
                }
            }
            if (errors.isEmpty()) {
                Resources r = Resources.of(s.capacity());
                cpu = r.cpuMillis() > 0 ? r.cpuMillis() : cpu;
                memory = r.memoryBytes() > 0 ? r.memoryBytes() : memory;
                if (cpu <= 0 || memory <= 0) {
                    errors.add(new FieldError("spec.capacity", "capacity must give both cpu and memory",
                            "e.g. capacity: {cpu: \"4\", memory: 16Gi}"));
                }
            }
        }

        int maxPods = s.maxPods() != null ? s.maxPods() : type != null ? type.maxPods() : DEFAULT_MAX_PODS;
        if (maxPods <= 0) {
            errors.add(new FieldError("spec.maxPods", "maxPods must be positive, got " + maxPods, "the kubelet default is 110"));
        }

        boolean autoscaling = Boolean.TRUE.equals(s.autoscaling());
        int min;
        int max;
        int initial;
        if (autoscaling) {
            min = s.minCount() == null ? 0 : s.minCount();
            max = s.maxCount() == null ? Math.max(min, 1) : s.maxCount();
            initial = s.initialCount() == null ? min : s.initialCount();
            if (s.maxCount() == null) {
                errors.add(new FieldError("spec.maxCount", "an autoscaling node pool needs maxCount", "add spec.maxCount, e.g. 5"));
            }
        } else {
            initial = s.initialCount() != null ? s.initialCount() : s.minCount() != null ? s.minCount() : 1;
            min = s.minCount() == null ? initial : s.minCount();
            max = s.maxCount() == null ? Math.max(initial, min) : s.maxCount();
        }
        if (min < 0) {
            errors.add(new FieldError("spec.minCount", "minCount must not be negative, got " + min, "use 0 or more"));
        }
        if (min > max) {
            errors.add(new FieldError("spec.minCount", "minCount (" + min + ") is greater than maxCount (" + max + ")",
                    "make minCount <= maxCount"));
        } else if (initial < min || initial > max) {
            errors.add(new FieldError("spec.initialCount", "initialCount (" + initial + ") is outside [minCount, maxCount] = ["
                    + min + ", " + max + "]", "pick an initialCount between minCount and maxCount"));
        }

        ResolvedNodePool.Mode mode = ResolvedNodePool.Mode.USER;
        if (s.mode() != null) {
            switch (s.mode().toLowerCase()) {
                case "system" -> mode = ResolvedNodePool.Mode.SYSTEM;
                case "user" -> mode = ResolvedNodePool.Mode.USER;
                default -> errors.add(new FieldError("spec.mode", "unknown mode \"" + s.mode() + "\"", "use System or User"));
            }
        }

        List<Taint> taints = s.taints() == null ? List.of() : s.taints();
        for (int i = 0; i < taints.size(); i++) {
            Taint t = taints.get(i);
            if (t.getKey() == null || t.getKey().isEmpty()) {
                errors.add(new FieldError("spec.taints[" + i + "].key", "taint has no key", "e.g. key: workload"));
            }
            if (t.getEffect() == null || !TAINT_EFFECTS.contains(t.getEffect())) {
                errors.add(new FieldError("spec.taints[" + i + "].effect", "invalid taint effect \"" + t.getEffect() + "\"",
                        "use NoSchedule, PreferNoSchedule or NoExecute"));
            }
        }

        double price = s.pricePerHour() != null ? s.pricePerHour() : type != null ? type.pricePerHour() : 0;
        if (price < 0) {
            errors.add(new FieldError("spec.pricePerHour", "price must not be negative", "give the hourly price per node in USD"));
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }

        boolean spot = Boolean.TRUE.equals(s.spot());
        List<String> zones = s.zones() == null || s.zones().isEmpty() ? List.of(Regions.defaultZone(provider)) : List.copyOf(s.zones());
        String region = s.region() != null ? s.region() : Regions.regionOf(provider, zones.get(0));
        NodeResources capacity = new NodeResources(cpu, memory, maxPods);
        Reservation reservation = Allocatable.reservation(provider, cpu, memory, maxPods);
        List<Taint> allTaints = new ArrayList<>(taints);
        if (spot && provider == Provider.AKS) {
            // AKS taints every spot pool so that only pods that accept eviction land there.
            allTaints.add(new Taint("NoSchedule", "kubernetes.azure.com/scalesetpriority", null, "spot"));
        }
        Map<String, String> labels = s.labels() == null ? Map.of() : new LinkedHashMap<>(s.labels());
        return new Result(Optional.of(new ResolvedNodePool(name, provider, type == null ? null : type.name(), capacity,
                reservation.applyTo(capacity), reservation, arch, mode, min, max, initial, autoscaling, labels,
                List.copyOf(allTaints), zones, region, spot, price)), List.of());
    }
}
