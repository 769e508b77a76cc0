package dev.sandtable.network;

import java.util.List;

/**
 * One NetworkPolicyPort (networking.k8s.io/v1, Kubernetes 1.31): a protocol with a port number, a port range
 * (port to endPort), every port (no port), or a port name resolved against the destination pod's container
 * ports of that protocol. An invalid entry, which the API server would refuse, matches nothing.
 */
public record PolicyPort(Protocol protocol, Integer port, String name, Integer endPort, boolean valid) {

    public boolean named() {
        return name != null;
    }

    /** The ports this entry allows to a destination that declares the given container ports. */
    public PortSet toDestination(List<ContainerPort> destinationPorts) {
        if (!valid) {
            return PortSet.NONE;
        }
        if (name == null) {
            return fixed();
        }
        PortSet out = PortSet.NONE;
        for (ContainerPort c : destinationPorts) {
            if (name.equals(c.name()) && c.protocol() == protocol) {
                out = out.union(PortSet.port(protocol, c.port()));
            }
        }
        return out;
    }

    /** The ports of a numbered entry, the same for every destination. */
    public PortSet fixed() {
        if (!valid || name != null) {
            return PortSet.NONE;
        }
        if (port == null) {
            return PortSet.all(protocol);
        }
        return PortSet.range(protocol, port, endPort == null ? port : endPort);
    }

    @Override
    public String toString() {
        String what = name != null ? "port " + name : port == null ? "all ports" : endPort == null ? "port " + port : "ports " + port + "-" + endPort;
        return protocol + " " + what;
    }
}
