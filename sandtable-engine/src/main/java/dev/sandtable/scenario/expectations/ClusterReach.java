package dev.sandtable.scenario.expectations;

import dev.sandtable.engine.Simulation;
import dev.sandtable.network.ContainerPort;
import dev.sandtable.network.Direction;
import dev.sandtable.network.Endpoint;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.NetworkSnapshots;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.PortSet;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.ReachabilityMatrix;
import dev.sandtable.network.RuleMatch;
import dev.sandtable.network.SideVerdict;
import dev.sandtable.network.Verdict;
import dev.sandtable.network.Workload;
import dev.sandtable.network.WorkloadView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/** The cluster's network at the end of a run (snapshot, policies, workloads, matrix), built once and shared by the reachability expectations judged on it. */
final class ClusterReach {
    /** Keyed on the simulation (ScenarioRunner makes one Evidence per expectation) and valid while its clock has not moved. */
    private static final Map<Simulation, Cached> CACHE = new WeakHashMap<>();

    private final NetworkSnapshot snapshot;
    private final PolicyEngine engine;
    private final WorkloadView view;
    private final ReachabilityMatrix matrix;

    /** A built network with the simulated time it was taken at. */
    private record Cached(long at, ClusterReach reach) {
    }

    /** A (protocol, port) to show a connection with. */
    record Probe(Protocol protocol, int port) {
        @Override
        public String toString() {
            return protocol + " " + port;
        }
    }

    private ClusterReach(NetworkSnapshot snapshot) {
        this.snapshot = snapshot;
        this.engine = new PolicyEngine(snapshot);
        this.view = WorkloadView.of(snapshot);
        this.matrix = ReachabilityMatrix.compute(engine, view);
    }

    /** The network of the evidence's cluster as it is now, reusing the one built for an earlier expectation of the same run. */
    static ClusterReach of(Evidence evidence) {
        Simulation sim = evidence.simulation();
        long now = sim.clock().nowMillis();
        synchronized (CACHE) {
            Cached c = CACHE.get(sim);
            if (c == null || c.at() != now) {
                c = new Cached(now, new ClusterReach(NetworkSnapshots.fromStore(sim.store())));
                CACHE.put(sim, c);
            }
            return c.reach();
        }
    }

    WorkloadView view() {
        return view;
    }

    /** The workloads a target stands for: running in-cluster ones for `*`, the DNS pods' workloads, the world, or the named one if it still has pods. */
    List<Workload> workloads(Reachability.Target t) {
        return switch (t.kind()) {
            case EVERY -> view.workloads().stream().filter(w -> !w.isExternal() && w.running()).toList();
            case DNS -> {
                Set<Workload> out = new LinkedHashSet<>();
                snapshot.dns().forEach(e -> out.add(view.of(e)));
                yield List.copyOf(out);
            }
            case WORLD -> view.world().stream().toList();
            case WORKLOAD -> view.find(t.workload()).stream().toList();
        };
    }

    /** Whether the two workloads have a pod pair at all (a pod's traffic to itself is not judged). */
    static boolean hasPair(Workload from, Workload to) {
        return from.running() && to.running() && (from.index() != to.index() || from.endpoints().size() > 1);
    }

    /** The ports pods of one workload may open to pods of another, as a union over their pod pairs (to itself, a pod's own traffic included). */
    PortSet unionPorts(Workload from, Workload to) {
        return matrix.ports(from.index(), to.index());
    }

    /** The ports one pod may open to another. */
    PortSet pairPorts(int[] pair) {
        return engine.allowed(pair[0], pair[1]);
    }

    /** The first pod pair that may open some port of the set, or null when none may. */
    int[] allowingPair(Workload from, Workload to, PortSet ports) {
        if (ports.isEmpty() || matrix.ports(from.index(), to.index()).intersect(ports).isEmpty()) {
            return null;
        }
        return firstPair(from, to, ports, true);
    }

    /** The first pod pair that may open no port of the set, or null when every pair may open one. */
    int[] refusingPair(Workload from, Workload to, PortSet ports) {
        if (from.index() != to.index() && !matrix.partial(from.index(), to.index())
                && !matrix.ports(from.index(), to.index()).intersect(ports).isEmpty()) {
            return null;
        }
        return firstPair(from, to, ports, false);
    }

    private int[] firstPair(Workload from, Workload to, PortSet ports, boolean allowing) {
        for (int s : from.endpoints()) {
            for (int d : to.endpoints()) {
                if (s != d && allowing != engine.allowed(s, d).intersect(ports).isEmpty()) {
                    return new int[] {s, d};
                }
            }
        }
        return null;
    }

    /** An allowed connection of the pair within the set, with the rule (or the absence of isolation) that lets it through on each side. */
    String whyAllowed(int[] pair, PortSet unwanted) {
        Probe p = probe(pair[1], engine.allowed(pair[0], pair[1]).intersect(unwanted));
        Verdict v = engine.evaluate(pair[0], pair[1], p.protocol(), p.port());
        return v.from() + " -> " + v.to() + " " + p + " is allowed: " + admits(v.egress(), pair[0]) + "; " + admits(v.ingress(), pair[1]);
    }

    /** A wanted connection of the pair that is denied, with the side (or sides) that deny it and the policies that isolate them. */
    String whyDenied(int[] pair, PortSet wanted) {
        Probe p = probe(pair[1], wanted);
        List<String> sides = new ArrayList<>();
        for (Direction d : List.of(Direction.EGRESS, Direction.INGRESS)) {
            SideVerdict side = engine.side(d, pair[0], pair[1]);
            if (side.isolated() && !side.allows(p.protocol(), p.port())) {
                sides.add("the " + d.field() + " of " + side.pod() + " (isolated by " + String.join(", ", side.policies()) + "; "
                        + (side.matches().isEmpty() ? "no rule admits the " + (d == Direction.EGRESS ? "destination" : "source") : opensOnly(side.matches())) + ")");
            }
        }
        return snapshot.endpoint(pair[0]) + " -> " + snapshot.endpoint(pair[1]) + (wanted.equals(PortSet.port(p.protocol(), p.port())) ? " " + p + " is denied"
                : " is denied on every " + (wanted.isAll() ? "" : p.protocol() + " ") + "port (" + p + " for one)")
                + " by " + String.join(" and by ", sides);
    }

    private String admits(SideVerdict side, int endpoint) {
        String dir = side.direction().field();
        if (snapshot.endpoint(endpoint).isExternal()) {
            return dir + " not policed: " + side.pod() + " is outside the cluster";
        }
        if (!side.isolated()) {
            return dir + " not isolated: no NetworkPolicy selects " + side.pod() + " for " + dir;
        }
        return dir + " allowed by " + String.join(", ", side.matches().stream().map(m -> m.rule() + " (" + m.peer() + ")").toList());
    }

    private static String opensOnly(List<RuleMatch> matches) {
        return String.join(", ", matches.stream().map(m -> m.rule() + " matches the peer but opens "
                + (m.ports().isEmpty() ? "no port on it" : "only " + m.ports())).toList());
    }

    /** A port of the set to show: one the destination pod declares if possible, else the lowest (TCP first). */
    private Probe probe(int destination, PortSet set) {
        Endpoint d = snapshot.endpoint(destination);
        for (ContainerPort c : d.ports()) {
            if (set.contains(c.protocol(), c.port())) {
                return new Probe(c.protocol(), c.port());
            }
        }
        for (Protocol p : Protocol.values()) {
            if (set.lowest(p) > 0) {
                return new Probe(p, set.lowest(p));
            }
        }
        return new Probe(Protocol.TCP, PortSet.MIN_PORT);
    }
}
