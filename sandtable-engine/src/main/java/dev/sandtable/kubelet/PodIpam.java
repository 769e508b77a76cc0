package dev.sandtable.kubelet;

import dev.sandtable.api.Cidr;
import dev.sandtable.api.Ip;
import io.fabric8.kubernetes.api.model.Node;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mirrors the CNI host-local IPAM plugin (containernetworking/plugins v1.5) as bridge-style CNIs run it on each node's
 * spec.podCIDRs for kubelet 1.31: per range, the network address is never given, the first address is the gateway,
 * IPv4 keeps its broadcast address, and addresses are handed out round-robin from the last one reserved (wrapping at
 * the end of the range); a pod gets one address per range (dual-stack when the node has an IPv4 and an IPv6 range),
 * and its addresses return to the pool when it is deleted.
 */
public final class PodIpam {
    /**
     * Where nodes without spec.podCIDR(s) (VNet and VPC CNIs such as Azure CNI or the AWS VPC CNI) take their pods'
     * addresses: one /24 of this block per such node, in the order they start their first pod.
     */
    public static final String UNASSIGNED_NODE_RANGE = "10.224.0.0/12";
    private static final int UNASSIGNED_BLOCKS = 1 << (24 - 12);

    /** The outcome of setting up one pod's network. */
    public sealed interface Allocation permits Assigned, Exhausted {
    }

    /** The pod's addresses, in the order of the node's ranges (the first is status.podIP). */
    public record Assigned(List<String> ips) implements Allocation {
    }

    /** No address is free (or the range cannot hold one): the sandbox cannot be created, with host-local's reason. */
    public record Exhausted(String reason) implements Allocation {
    }

    private final Map<String, List<Range>> nodes = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private int unassignedBlocksUsed;

    private record Lease(String node, List<BigInteger> addresses) {
    }

    /** Sets up the network of pod uid on the node; the same pod asking again gets the addresses it already has. */
    public Allocation allocate(Node node, String uid) {
        Lease held = leases.get(uid);
        String nodeName = node.getMetadata().getName();
        if (held != null && held.node().equals(nodeName)) {
            return new Assigned(format(nodes.get(nodeName), held.addresses()));
        }
        List<Range> ranges = nodes.get(nodeName);
        if (ranges == null || !ranges.isEmpty() && ranges.getFirst().assigned && !cidrsOf(node).equals(ranges.stream().map(r -> r.cidr).toList())) {
            // First pod of the node, or a node of that name came back with other pod ranges.
            ranges = rangesOf(node);
            nodes.put(nodeName, ranges);
        }
        if (ranges.isEmpty()) {
            return new Exhausted("no pod CIDR: the node has no spec.podCIDRs and the " + UNASSIGNED_BLOCKS + " blocks of "
                    + UNASSIGNED_NODE_RANGE + " for such nodes are all in use");
        }
        List<BigInteger> got = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            BigInteger a = r.next();
            if (a == null) {
                for (int j = 0; j < got.size(); j++) {
                    ranges.get(j).used.remove(got.get(j));
                }
                return new Exhausted("failed to allocate for range " + i + ": " + r.whyFull());
            }
            got.add(a);
        }
        leases.put(uid, new Lease(nodeName, got));
        return new Assigned(format(ranges, got));
    }

    /** Returns the pod's addresses to its node's pool (on deletion); nothing happens for a pod that holds none. */
    public void release(String uid) {
        Lease lease = leases.remove(uid);
        if (lease == null) {
            return;
        }
        List<Range> ranges = nodes.get(lease.node());
        for (int i = 0; i < ranges.size(); i++) {
            ranges.get(i).used.remove(lease.addresses().get(i));
        }
    }

    private static List<String> cidrsOf(Node node) {
        var spec = node.getSpec();
        if (spec != null && spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty()) {
            return spec.getPodCIDRs();
        }
        return spec != null && spec.getPodCIDR() != null && !spec.getPodCIDR().isEmpty() ? List.of(spec.getPodCIDR()) : List.of();
    }

    private List<Range> rangesOf(Node node) {
        List<String> cidrs = new ArrayList<>(cidrsOf(node));
        boolean assigned = !cidrs.isEmpty();
        if (!assigned) {
            if (unassignedBlocksUsed == UNASSIGNED_BLOCKS) {
                return List.of();
            }
            int b = unassignedBlocksUsed++;
            cidrs.add("10." + (224 + b / 256) + "." + (b % 256) + ".0/24");
        }
        List<Range> ranges = new ArrayList<>();
        for (String c : cidrs) {
            Cidr cidr = Cidr.parse(c);
            if (cidr == null) {
                throw new IllegalArgumentException("node " + node.getMetadata().getName() + " has an invalid pod CIDR " + c);
            }
            ranges.add(new Range(cidr, assigned));
        }
        return ranges;
    }

    private static List<String> format(List<Range> ranges, List<BigInteger> addresses) {
        List<String> out = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            out.add(ranges.get(i).text(addresses.get(i)));
        }
        return out;
    }

    /** One range of a node: the addresses between first and last, the gateway excepted. */
    private static final class Range {
        private final int family;
        private final String cidr;
        // Whether the range is the node's own (spec.podCIDRs) rather than one given from UNASSIGNED_NODE_RANGE.
        private final boolean assigned;
        private final BigInteger first;
        private final BigInteger last;
        private final BigInteger gateway;
        private final BigInteger capacity;
        private final Set<BigInteger> used = new HashSet<>();
        private BigInteger lastReserved;

        Range(Cidr c, boolean assigned) {
            this.family = c.family();
            this.cidr = c.text();
            this.assigned = assigned;
            int bits = family == 4 ? 32 : 128;
            BigInteger network = family == 4 ? BigInteger.valueOf(c.lo())
                    : new BigInteger(Long.toUnsignedString(c.hi())).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(c.lo())));
            BigInteger size = BigInteger.ONE.shiftLeft(bits - c.prefix());
            this.first = network.add(BigInteger.ONE);
            // IPv4 keeps its broadcast address out; IPv6 has none.
            this.last = network.add(size).subtract(family == 4 ? BigInteger.TWO : BigInteger.ONE);
            this.gateway = first;
            // host-local refuses networks with fewer than two addresses after the network one (IPv4 /31, /32, IPv6 /127, /128).
            this.capacity = c.prefix() > bits - 2 ? BigInteger.ZERO : last.subtract(first);
        }

        /** The next free address after the last one reserved, round-robin, or null when none is free. */
        BigInteger next() {
            if (capacity.compareTo(BigInteger.valueOf(used.size())) <= 0) {
                return null;
            }
            BigInteger a = lastReserved == null ? first : lastReserved.add(BigInteger.ONE);
            while (true) {
                if (a.compareTo(last) > 0) {
                    a = first;
                }
                if (!a.equals(gateway) && used.add(a)) {
                    lastReserved = a;
                    return a;
                }
                a = a.add(BigInteger.ONE);
            }
        }

        String whyFull() {
            if (capacity.signum() == 0) {
                return "network " + cidr + " too small to allocate from";
            }
            return "no IP addresses available in range set: " + text(first) + "-" + text(last);
        }

        String text(BigInteger a) {
            if (family == 4) {
                return new Ip(4, 0, a.longValue()).toString();
            }
            return new Ip(6, a.shiftRight(64).longValue(), a.longValue()).toString();
        }
    }
}
