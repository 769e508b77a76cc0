package dev.sandtable.cluster;

import dev.sandtable.cluster.Brackets.Band;
import java.util.Objects;

/** Node allocatable as AKS 1.29+ (docs 2024-04), EKS amazon-eks-ami (bootstrap.sh/nodeadm, 2026) and GKE Standard (plan-node-sizes) set it. */
public final class Allocatable {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    // All three providers evict at memory.available<100Mi and reserve no system-reserved on Linux nodes.
    private static final long EVICTION_HARD_BYTES = 100 * MIB;

    // 6/4/2/1 % of cores 1, 2, 3-4, 5+ reproduces every column of the AKS table (60m ... 740m at 64 cores).
    private static final Brackets AKS_CPU = new Brackets(
            new Band(1000, 600), new Band(2000, 400), new Band(4000, 200), new Band(Long.MAX_VALUE, 100));
    // EKS copied GKE's CPU schedule, so one table serves both.
    private static final Brackets TIERED_CPU = new Brackets(
            new Band(1000, 600), new Band(2000, 100), new Band(4000, 50), new Band(Long.MAX_VALUE, 25));
    private static final Brackets GKE_MEMORY = new Brackets(
            new Band(4 * GIB, 2500), new Band(8 * GIB, 2000), new Band(16 * GIB, 1000),
            new Band(128 * GIB, 600), new Band(Long.MAX_VALUE, 200));

    private Allocatable() {
    }

    /** The reservation a provider applies to a Linux node of this capacity and max-pods setting. */
    public static Reservation reservation(Provider provider, long capacityCpuMillis, long capacityMemoryBytes,
                                          int maxPods) {
        Objects.requireNonNull(provider, "provider");
        if (capacityCpuMillis < 0 || capacityMemoryBytes < 0 || maxPods < 0) {
            throw new IllegalArgumentException("capacity and max pods must not be negative");
        }
        return switch (provider) {
            case AKS -> aks(capacityCpuMillis, capacityMemoryBytes, maxPods);
            case EKS -> eks(capacityCpuMillis, maxPods);
            case GKE -> gke(capacityCpuMillis, capacityMemoryBytes);
            case NONE -> Reservation.NONE;
        };
    }

    /** Allocatable for a node whose capacity pods count is its max-pods setting. */
    public static NodeResources of(Provider provider, NodeResources capacity) {
        return reservation(provider, capacity.cpuMillis(), capacity.memoryBytes(), capacity.pods()).applyTo(capacity);
    }

    /** Allocatable of a catalog instance type under its own provider's rules and default max pods. */
    public static NodeResources of(InstanceType type) {
        return of(type.provider(), type.capacity());
    }

    private static Reservation aks(long cpuMillis, long memoryBytes, int maxPods) {
        long cpu = AKS_CPU.reserve(cpuMillis);
        long perPods = (20L * maxPods + 50) * MIB;
        // AKS writes --kube-reserved in whole Mi, so the 25% cap is floored to a MiB.
        long quarter = floorMib(memoryBytes / 4);
        long memory = Math.min(perPods, quarter);
        String formula = "AKS >=1.29: kube-reserved cpu %dm (6/4/2/1%% of cores 1/2/3-4/5+, the published core table);"
                .formatted(cpu)
                + " memory min(20Mi*%d pods+50Mi=%dMi, 25%% of memory=%dMi)=%dMi; eviction memory.available<100Mi"
                .formatted(maxPods, perPods / MIB, quarter / MIB, memory / MIB);
        return new Reservation(cpu, memory, 0, 0, EVICTION_HARD_BYTES, formula);
    }

    private static Reservation eks(long cpuMillis, int maxPods) {
        long cpu = TIERED_CPU.reserve(cpuMillis);
        long memory = (11L * maxPods + 255) * MIB;
        String formula = ("EKS amazon-eks-ami: kube-reserved cpu %dm (6/1/0.5/0.25%% of cores 1/2/3-4/5+);"
                + " memory 11Mi*%d pods+255Mi=%dMi; eviction memory.available<100Mi")
                .formatted(cpu, maxPods, memory / MIB);
        return new Reservation(cpu, memory, 0, 0, EVICTION_HARD_BYTES, formula);
    }

    private static Reservation gke(long cpuMillis, long memoryBytes) {
        long cpu = TIERED_CPU.reserve(cpuMillis);
        // Machines under 1 GiB get a flat floor; GKE passes the result to the kubelet in whole Mi.
        long memory = memoryBytes < GIB ? 255 * MIB : floorMib(GKE_MEMORY.reserve(memoryBytes));
        String formula = ("GKE: kube-reserved cpu %dm (6/1/0.5/0.25%% of cores 1/2/3-4/5+); memory %dMi"
                + " (255Mi under 1Gi, else 25/20/10/6/2%% of the first 4/next 4/next 8/next 112Gi/rest);"
                + " eviction memory.available<100Mi").formatted(cpu, memory / MIB);
        return new Reservation(cpu, memory, 0, 0, EVICTION_HARD_BYTES, formula);
    }

    private static long floorMib(long bytes) {
        return bytes / MIB * MIB;
    }
}
