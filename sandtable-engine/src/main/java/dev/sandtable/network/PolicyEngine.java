package dev.sandtable.network;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Evaluates NetworkPolicy as networking.k8s.io/v1 specifies it (Kubernetes 1.31): a pod is isolated in a direction
 * when a policy of its namespace with that policy type selects it; an isolated pod accepts (or opens) only what the
 * union of those policies' rules allows; a connection needs both the source's egress and the destination's
 * ingress. Every policy's selected pods and every rule's peers are resolved once, as bitsets.
 */
public final class PolicyEngine {
    private final NetworkSnapshot snapshot;
    private final List<CompiledPolicy> policies = new ArrayList<>();
    private final List<CompiledRule> rules = new ArrayList<>();
    private final int[][] ingressOf;
    private final int[][] egressOf;

    public PolicyEngine(NetworkSnapshot snapshot) {
        this.snapshot = snapshot;
        EndpointIndex index = new EndpointIndex(snapshot);
        for (Policy p : snapshot.policies()) {
            BitSet selected = (BitSet) index.pods(p.namespace(), p.podSelector()).clone();
            policies.add(new CompiledPolicy(policies.size(), p, selected, compile(index, p, Direction.INGRESS), compile(index, p, Direction.EGRESS)));
        }
        this.ingressOf = isolating(Direction.INGRESS);
        this.egressOf = isolating(Direction.EGRESS);
    }

    private List<CompiledRule> compile(EndpointIndex index, Policy p, Direction d) {
        List<CompiledRule> out = new ArrayList<>();
        for (PolicyRule r : p.rules(d)) {
            BitSet union = new BitSet();
            BitSet[] perPeer = new BitSet[r.peers().size()];
            if (r.anyPeer()) {
                union.set(0, snapshot.size());
            }
            for (int i = 0; i < perPeer.length; i++) {
                perPeer[i] = index.peer(p.namespace(), r.peers().get(i));
                union.or(perPeer[i]);
            }
            CompiledRule c = new CompiledRule(rules.size(), p, r, union, perPeer, CompiledRule.fixedPorts(r));
            rules.add(c);
            out.add(c);
        }
        return List.copyOf(out);
    }

    private int[][] isolating(Direction d) {
        int[] counts = new int[snapshot.size()];
        for (CompiledPolicy p : policies) {
            if (p.policy().isolates(d)) {
                p.selected().stream().forEach(e -> counts[e]++);
            }
        }
        int[][] out = new int[snapshot.size()][];
        for (int e = 0; e < out.length; e++) {
            out[e] = new int[counts[e]];
            counts[e] = 0;
        }
        for (CompiledPolicy p : policies) {
            if (p.policy().isolates(d)) {
                p.selected().stream().forEach(e -> out[e][counts[e]++] = p.index());
            }
        }
        return out;
    }

    public NetworkSnapshot snapshot() {
        return snapshot;
    }

    public List<CompiledPolicy> policies() {
        return policies;
    }

    /** Every effective rule of every policy; {@link CompiledRule#id()} is its index here. */
    public List<CompiledRule> rules() {
        return rules;
    }

    /** The indices of the policies that isolate the endpoint in a direction (empty: not isolated). */
    public int[] isolating(int endpoint, Direction d) {
        return d == Direction.INGRESS ? ingressOf[endpoint] : egressOf[endpoint];
    }

    public boolean isolated(int endpoint, Direction d) {
        return isolating(endpoint, d).length > 0;
    }

    /** The ports the source may open to the destination: its egress and the destination's ingress both allow them. */
    public PortSet allowed(int src, int dst) {
        PortSet egress = sidePorts(Direction.EGRESS, src, dst);
        return egress.isEmpty() ? egress : egress.intersect(sidePorts(Direction.INGRESS, src, dst));
    }

    private PortSet sidePorts(Direction d, int src, int dst) {
        int self = d == Direction.EGRESS ? src : dst;
        int other = d == Direction.EGRESS ? dst : src;
        int[] isolating = isolating(self, d);
        if (isolating.length == 0) {
            return PortSet.ALL;
        }
        PortSet out = PortSet.NONE;
        Endpoint destination = snapshot.endpoint(dst);
        for (int p : isolating) {
            for (CompiledRule r : policies.get(p).rules(d)) {
                if (r.peers().get(other)) {
                    out = out.union(r.portsTo(destination));
                }
            }
        }
        return out;
    }

    /** One side with the policies that isolate it and every rule that admits the other side. */
    public SideVerdict side(Direction d, int src, int dst) {
        int self = d == Direction.EGRESS ? src : dst;
        int other = d == Direction.EGRESS ? dst : src;
        int[] isolating = isolating(self, d);
        String pod = snapshot.endpoint(self).toString();
        if (isolating.length == 0) {
            return new SideVerdict(d, pod, false, List.of(), List.of(), PortSet.ALL);
        }
        List<String> names = new ArrayList<>();
        List<RuleMatch> matches = new ArrayList<>();
        PortSet allowed = PortSet.NONE;
        Endpoint destination = snapshot.endpoint(dst);
        for (int p : isolating) {
            CompiledPolicy cp = policies.get(p);
            names.add(cp.policy().path());
            for (CompiledRule r : cp.rules(d)) {
                if (r.peers().get(other)) {
                    int peer = r.firstPeer(other);
                    PortSet ports = r.portsTo(destination);
                    matches.add(new RuleMatch(r.ref(peer), peer < 0 ? "any peer" : r.rule().peers().get(peer).toString(), ports));
                    allowed = allowed.union(ports);
                }
            }
        }
        return new SideVerdict(d, pod, true, List.copyOf(names), List.copyOf(matches), allowed);
    }

    public PairVerdict analyse(int src, int dst) {
        SideVerdict egress = side(Direction.EGRESS, src, dst);
        SideVerdict ingress = side(Direction.INGRESS, src, dst);
        return new PairVerdict(snapshot.endpoint(src).toString(), snapshot.endpoint(dst).toString(),
                egress.allowed().intersect(ingress.allowed()), egress, ingress);
    }

    /** Whether the source may open the connection; each side lists the rules that admit this very port. */
    public Verdict evaluate(int src, int dst, Protocol protocol, int port) {
        SideVerdict egress = onlyPort(side(Direction.EGRESS, src, dst), protocol, port);
        SideVerdict ingress = onlyPort(side(Direction.INGRESS, src, dst), protocol, port);
        return new Verdict(snapshot.endpoint(src).toString(), snapshot.endpoint(dst).toString(), protocol, port,
                egress.allows(protocol, port) && ingress.allows(protocol, port), egress, ingress);
    }

    /** The pod-level question: may src open protocol/port on dst? Protocol is TCP, UDP or SCTP (any case). */
    public Verdict evaluate(PodRef src, PodRef dst, int port, String protocol) {
        Protocol p = Protocol.ofUser(protocol);
        if (p == null) {
            throw new IllegalArgumentException("unknown protocol " + protocol + " (TCP, UDP or SCTP)");
        }
        return evaluate(index(src), index(dst), p, port);
    }

    public int index(PodRef ref) {
        return snapshot.find(ref).orElseThrow(() -> new IllegalArgumentException("no running pod or endpoint " + ref)).index();
    }

    private static SideVerdict onlyPort(SideVerdict s, Protocol protocol, int port) {
        if (!s.isolated()) {
            return s;
        }
        List<RuleMatch> admitting = s.matches().stream().filter(m -> m.ports().contains(protocol, port)).toList();
        return new SideVerdict(s.direction(), s.pod(), true, s.policies(), admitting, s.allowed());
    }
}
