package dev.sandtable.network;

import java.util.List;

/**
 * One ingress or egress rule of a NetworkPolicy (networking.k8s.io/v1, Kubernetes 1.31): it allows traffic that
 * matches one of its peers and one of its ports; no peers means every peer, no ports means every port.
 */
public record PolicyRule(Direction direction, int index, List<PolicyPeer> peers, List<PolicyPort> ports) {

    public boolean anyPeer() {
        return peers.isEmpty();
    }

    public boolean anyPort() {
        return ports.isEmpty();
    }

    public boolean hasNamedPorts() {
        return ports.stream().anyMatch(PolicyPort::named);
    }
}
