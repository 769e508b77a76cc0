package dev.sandtable.network;

/**
 * An allowed connection between two workloads: the union of the ports their pod pairs allow; partial when the pod
 * pairs do not all allow the same ports (an ipBlock that covers only some pods, say).
 */
public record Edge(Workload from, Workload to, PortSet ports, boolean partial) {
}
