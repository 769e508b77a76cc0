package dev.sandtable.network;

import java.util.BitSet;

/**
 * A policy rule with its peers resolved to bitsets: the union over its peers and each peer alone (for saying
 * which peer matched). A rule without peers matches every endpoint, the world included, as upstream's empty from/to does.
 */
public record CompiledRule(int id, Policy policy, PolicyRule rule, BitSet peers, BitSet[] perPeer, PortSet fixedPorts) {

    /** The ports the rule allows towards a destination (named ports resolve against its container ports). */
    public PortSet portsTo(Endpoint destination) {
        if (fixedPorts != null) {
            return fixedPorts;
        }
        PortSet out = PortSet.NONE;
        for (PolicyPort p : rule.ports()) {
            out = out.union(p.toDestination(destination.ports()));
        }
        return out;
    }

    /** The index of the first peer that matches the endpoint, or -1 when the rule has no peers (it matches all). */
    public int firstPeer(int endpoint) {
        for (int i = 0; i < perPeer.length; i++) {
            if (perPeer[i].get(endpoint)) {
                return i;
            }
        }
        return -1;
    }

    public RuleRef ref(int peer) {
        return new RuleRef(policy.namespace(), policy.name(), rule.direction(), rule.index(), peer);
    }

    static PortSet fixedPorts(PolicyRule rule) {
        if (rule.anyPort()) {
            return PortSet.ALL;
        }
        if (rule.hasNamedPorts()) {
            return null;
        }
        PortSet out = PortSet.NONE;
        for (PolicyPort p : rule.ports()) {
            out = out.union(p.fixed());
        }
        return out;
    }
}
