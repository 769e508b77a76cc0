package dev.sandtable.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed ports between every pair of workloads, for the whole cluster at once (networking.k8s.io/v1
 * NetworkPolicy semantics, Kubernetes 1.31, as {@link PolicyEngine} evaluates one pair). Pods that no policy can
 * tell apart (same isolating policies, same membership in every rule's peers, same container ports) form one
 * class; the matrix is computed between classes with bitsets of classes per rule, then folded into workloads.
 */
public final class ReachabilityMatrix {
    private final WorkloadView view;
    private final PortSetTable table;
    private final int[] ports;
    private final BitSet partial;
    private final int classes;

    private ReachabilityMatrix(WorkloadView view, PortSetTable table, int[] ports, BitSet partial, int classes) {
        this.view = view;
        this.table = table;
        this.ports = ports;
        this.partial = partial;
        this.classes = classes;
    }

    public static ReachabilityMatrix compute(PolicyEngine engine, WorkloadView view) {
        return new Computation(engine, view).run();
    }

    /** The ports pods of one workload may open to pods of another (union over the pod pairs); none when either has no running pod. */
    public PortSet ports(int from, int to) {
        int id = ports[from * view.size() + to];
        return id < 0 ? PortSet.NONE : table.get(id);
    }

    /** Whether the pod pairs of the two workloads do not all allow the same ports. */
    public boolean partial(int from, int to) {
        return partial.get(from * view.size() + to);
    }

    /** How many classes of interchangeable endpoints the snapshot has. */
    public int classes() {
        return classes;
    }

    public WorkloadView view() {
        return view;
    }

    /** Every allowed workload-to-workload connection, in workload order; a single pod's traffic to itself is left out. */
    public List<Edge> edges() {
        List<Edge> out = new ArrayList<>();
        int w = view.size();
        for (int from = 0; from < w; from++) {
            for (int to = 0; to < w; to++) {
                int id = ports[from * w + to];
                if (id <= PortSetTable.NONE || (from == to && view.get(from).endpoints().size() < 2)) {
                    continue;
                }
                out.add(new Edge(view.get(from), view.get(to), table.get(id), partial.get(from * w + to)));
            }
        }
        return out;
    }

    /** The class signature of an endpoint: what every policy sees of it. */
    private record Signature(int[] ingress, int[] egress, BitSet membership, List<ContainerPort> ports) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && Arrays.equals(ingress, s.ingress) && Arrays.equals(egress, s.egress)
                    && membership.equals(s.membership) && ports.equals(s.ports);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(ingress) * 31 + Arrays.hashCode(egress)) * 31 + membership.hashCode() * 17 + ports.hashCode();
        }
    }

    private static final class Computation {
        private final PolicyEngine engine;
        private final WorkloadView view;
        private final NetworkSnapshot snapshot;
        private final PortSetTable table = new PortSetTable();
        private final List<CompiledRule> rules;
        private int[] rep;
        private BitSet[] classPeers;
        private int[][] workloadsOfClass;

        Computation(PolicyEngine engine, WorkloadView view) {
            this.engine = engine;
            this.view = view;
            this.snapshot = engine.snapshot();
            this.rules = engine.rules();
        }

        ReachabilityMatrix run() {
            int classCount = classify();
            int w = view.size();
            if ((long) w * w > Integer.MAX_VALUE) {
                throw new IllegalStateException("too many workloads for one matrix: " + w);
            }
            int[] ports = new int[w * w];
            Arrays.fill(ports, -1);
            BitSet partial = new BitSet();
            CompiledRule[][] egressRules = new CompiledRule[classCount][];
            for (int c = 0; c < classCount; c++) {
                egressRules[c] = rulesOf(rep[c], Direction.EGRESS);
            }
            int[] ingress = new int[classCount];
            int[] namedStamp = new int[rules.size()];
            int[] namedId = new int[rules.size()];
            Arrays.fill(namedStamp, -1);
            for (int d = 0; d < classCount; d++) {
                Endpoint destination = snapshot.endpoint(rep[d]);
                ingressColumn(d, destination, ingress);
                for (int s = 0; s < classCount; s++) {
                    int egress = PortSetTable.ALL;
                    if (egressRules[s] != null) {
                        egress = PortSetTable.NONE;
                        for (CompiledRule r : egressRules[s]) {
                            if (!classPeers[r.id()].get(d)) {
                                continue;
                            }
                            int id;
                            if (r.fixedPorts() != null) {
                                id = table.id(r.fixedPorts());
                            } else {
                                if (namedStamp[r.id()] != d) {
                                    namedStamp[r.id()] = d;
                                    namedId[r.id()] = table.id(r.portsTo(destination));
                                }
                                id = namedId[r.id()];
                            }
                            egress = table.union(egress, id);
                        }
                    }
                    int allowed = table.intersect(egress, ingress[s]);
                    for (int ws : workloadsOfClass[s]) {
                        for (int wd : workloadsOfClass[d]) {
                            int i = ws * w + wd;
                            if (ports[i] < 0) {
                                ports[i] = allowed;
                            } else if (ports[i] != allowed) {
                                partial.set(i);
                                ports[i] = table.union(ports[i], allowed);
                            }
                        }
                    }
                }
            }
            return new ReachabilityMatrix(view, table, ports, partial, classCount);
        }

        /** The ingress ports each source class gets at the destination class d. */
        private void ingressColumn(int d, Endpoint destination, int[] ingress) {
            CompiledRule[] isolating = rulesOf(rep[d], Direction.INGRESS);
            if (isolating == null) {
                Arrays.fill(ingress, PortSetTable.ALL);
                return;
            }
            Arrays.fill(ingress, PortSetTable.NONE);
            for (CompiledRule r : isolating) {
                int id = table.id(r.portsTo(destination));
                if (id == PortSetTable.NONE) {
                    continue;
                }
                BitSet sources = classPeers[r.id()];
                for (int s = sources.nextSetBit(0); s >= 0; s = sources.nextSetBit(s + 1)) {
                    ingress[s] = table.union(ingress[s], id);
                }
            }
        }

        /** The rules that apply to an endpoint in a direction, or null when it is not isolated in it. */
        private CompiledRule[] rulesOf(int endpoint, Direction d) {
            int[] isolating = engine.isolating(endpoint, d);
            if (isolating.length == 0) {
                return null;
            }
            List<CompiledRule> out = new ArrayList<>();
            for (int p : isolating) {
                out.addAll(engine.policies().get(p).rules(d));
            }
            return out.toArray(new CompiledRule[0]);
        }

        /** Sorts endpoints into classes and resolves each rule's peers to classes; returns the class count. */
        private int classify() {
            int n = snapshot.size();
            BitSet[] membership = new BitSet[n];
            for (int e = 0; e < n; e++) {
                membership[e] = new BitSet();
            }
            BitSet everyone = new BitSet();
            for (CompiledRule r : rules) {
                if (r.peers().cardinality() == n) {
                    everyone.set(r.id());
                    continue;
                }
                BitSet peers = r.peers();
                for (int e = peers.nextSetBit(0); e >= 0; e = peers.nextSetBit(e + 1)) {
                    membership[e].set(r.id());
                }
            }
            boolean namedPorts = rules.stream().anyMatch(r -> r.fixedPorts() == null);
            Map<Signature, Integer> classOf = new HashMap<>();
            int[] classOfEndpoint = new int[n];
            List<Integer> reps = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                Signature sig = new Signature(engine.isolating(e, Direction.INGRESS), engine.isolating(e, Direction.EGRESS), membership[e],
                        namedPorts ? snapshot.endpoint(e).ports() : List.of());
                Integer c = classOf.get(sig);
                if (c == null) {
                    c = reps.size();
                    classOf.put(sig, c);
                    reps.add(e);
                }
                classOfEndpoint[e] = c;
            }
            int classCount = reps.size();
            rep = reps.stream().mapToInt(Integer::intValue).toArray();
            classPeers = new BitSet[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                classPeers[r] = new BitSet();
                if (everyone.get(r)) {
                    classPeers[r].set(0, classCount);
                }
            }
            for (int c = 0; c < classCount; c++) {
                BitSet m = membership[rep[c]];
                for (int r = m.nextSetBit(0); r >= 0; r = m.nextSetBit(r + 1)) {
                    classPeers[r].set(c);
                }
            }
            List<Set<Integer>> workloads = new ArrayList<>();
            for (int c = 0; c < classCount; c++) {
                workloads.add(new LinkedHashSet<>());
            }
            for (int e = 0; e < n; e++) {
                workloads.get(classOfEndpoint[e]).add(view.of(e).index());
            }
            workloadsOfClass = new int[classCount][];
            for (int c = 0; c < classCount; c++) {
                workloadsOfClass[c] = workloads.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
            return classCount;
        }
    }
}
