package dev.sandtable.cluster;

import java.util.Objects;

/** What the kubelet withholds from pods under the Kubernetes node-allocatable model, with the provider rule that produced it. */
public record Reservation(long kubeReservedCpuMillis, long kubeReservedMemoryBytes, long systemReservedCpuMillis,
                          long systemReservedMemoryBytes, long evictionHardMemoryBytes, String formula) {
    /** Nothing held back: a plain node where allocatable equals capacity. */
    public static final Reservation NONE = new Reservation(0, 0, 0, 0, 0, "none: allocatable equals capacity");

    public Reservation {
        Objects.requireNonNull(formula, "formula");
        if (kubeReservedCpuMillis < 0 || kubeReservedMemoryBytes < 0 || systemReservedCpuMillis < 0
                || systemReservedMemoryBytes < 0 || evictionHardMemoryBytes < 0) {
            throw new IllegalArgumentException("reservations must not be negative");
        }
    }

    /** CPU withheld from pods: kube-reserved plus system-reserved (eviction thresholds do not apply to CPU). */
    public long totalCpuMillis() {
        return kubeReservedCpuMillis + systemReservedCpuMillis;
    }

    /** Memory withheld from pods: kube-reserved, system-reserved and the hard eviction threshold. */
    public long totalMemoryBytes() {
        return kubeReservedMemoryBytes + systemReservedMemoryBytes + evictionHardMemoryBytes;
    }

    /** Allocatable for a node of the given capacity; a reservation larger than the node leaves zero, never less. */
    public NodeResources applyTo(NodeResources capacity) {
        return new NodeResources(
                Math.max(0, capacity.cpuMillis() - totalCpuMillis()),
                Math.max(0, capacity.memoryBytes() - totalMemoryBytes()),
                capacity.pods());
    }
}
