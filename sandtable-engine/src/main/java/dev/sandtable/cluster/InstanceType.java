package dev.sandtable.cluster;

import java.util.Objects;

/** A provider VM size: shape, arch, Linux on-demand list price and default max pods (EKS eni-max-pods.txt, AKS overlay 250, GKE 110). */
public record InstanceType(String name, Provider provider, int vcpu, long memoryBytes, Arch arch,
                           double pricePerHour, String priceSource, int maxPods) {
    public InstanceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(priceSource, "priceSource");
        if (name.isBlank()) {
            throw new IllegalArgumentException("instance type name must not be blank");
        }
        if (provider == Provider.NONE) {
            throw new IllegalArgumentException(name + ": an instance type belongs to AKS, EKS or GKE, not NONE");
        }
        if (vcpu <= 0 || memoryBytes <= 0 || maxPods <= 0) {
            throw new IllegalArgumentException(name + ": vcpu, memory and maxPods must be positive");
        }
        if (!Double.isFinite(pricePerHour) || pricePerHour < 0) {
            throw new IllegalArgumentException(name + ": price per hour must be a non-negative number");
        }
    }

    /** What the kubelet reports as capacity, taking the nominal VM size (the guest kernel's own share is not modelled). */
    public NodeResources capacity() {
        return new NodeResources(vcpu * 1000L, memoryBytes, maxPods);
    }
}
