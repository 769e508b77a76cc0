package dev.sandtable.report;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.PodRequests;
import dev.sandtable.api.Resources;
import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.api.Pods;
import dev.sandtable.engine.Simulation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds a {@link ClusterReport} from the state of a simulation. */
public final class ClusterReports {
    /** Pool name for nodes that came as Node objects without a pool label. */
    public static final String UNPOOLED = "(nodes)";

    private ClusterReports() {
    }

    public static ClusterReport of(Simulation sim, Duration simulated, long seed) {
        ObjectStore store = sim.store();
        Map<String, String> poolOfNode = new LinkedHashMap<>();
        Map<String, List<Node>> nodesByPool = new LinkedHashMap<>();
        sim.nodePools().pools().keySet().forEach(p -> nodesByPool.put(p, new ArrayList<>()));
        for (Node n : store.list(Node.class)) {
            String pool = poolName(n);
            poolOfNode.put(n.getMetadata().getName(), pool);
            nodesByPool.computeIfAbsent(pool, p -> new ArrayList<>()).add(n);
        }
        List<Pod> pods = store.list(Pod.class).stream().filter(Pods::isActive).toList();
        Map<String, long[]> requestedByPool = new TreeMap<>();
        for (Pod p : pods) {
            String node = p.getSpec().getNodeName();
            if (node != null) {
                Resources r = PodRequests.of(p.getSpec());
                long[] acc = requestedByPool.computeIfAbsent(poolOfNode.getOrDefault(node, UNPOOLED), k -> new long[3]);
                acc[0] += r.cpuMillis();
                acc[1] += r.memoryBytes();
                acc[2]++;
            }
        }
        List<ClusterReport.Pool> pools = new ArrayList<>();
        nodesByPool.forEach((name, nodes) -> pools.add(pool(name, nodes, sim.nodePools().pools().get(name), requestedByPool.get(name))));

        Map<String, WorkloadAcc> workloads = new LinkedHashMap<>();
        List<ClusterReport.PendingPod> pending = new ArrayList<>();
        Map<String, String> workloadOfPending = new HashMap<>();
        for (Pod p : pods) {
            PodWorkload pw = PodWorkload.of(store, p);
            // The owner that says how many pods are desired: the named workload itself when it is in the store.
            HasMetadata owner = pw.owner() != null && pw.owner().getKind().equals(pw.kind()) && pw.owner().getMetadata().getName().equals(pw.name())
                    ? pw.owner() : null;
            String kind = pw.kind();
            String name = pw.name();
            WorkloadAcc w = workloads.computeIfAbsent(kind + " " + p.getMetadata().getNamespace() + "/" + name,
                    k -> new WorkloadAcc(kind, p.getMetadata().getNamespace(), name, desired(owner)));
            String node = p.getSpec().getNodeName();
            w.pods++;
            if (node == null) {
                w.pending++;
                workloadOfPending.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), w.id());
                PodCondition c = Pods.condition(p, "PodScheduled");
                pending.add(new ClusterReport.PendingPod(p.getMetadata().getNamespace(), p.getMetadata().getName(),
                        kind + " " + name, c == null || c.getMessage() == null ? "not yet scheduled" : c.getMessage(),
                        c == null ? null : c.getLastTransitionTime()));
            } else {
                w.podsPerPool.merge(poolOfNode.getOrDefault(node, UNPOOLED), 1, Integer::sum);
                w.nodes.add(node);
                if (Pods.isReady(p)) {
                    w.ready++;
                }
                w.restarts += Pods.restarts(p);
                if (Pods.inCrashLoopBackOff(p)) {
                    w.crashLoopBackOff++;
                }
            }
        }
        List<ClusterReport.Workload> wl = workloads.values().stream()
                .sorted(Comparator.comparing((WorkloadAcc a) -> a.namespace).thenComparing(a -> a.kind).thenComparing(a -> a.name))
                .map(a -> new ClusterReport.Workload(a.kind, a.namespace, a.name, a.desired < 0 ? a.pods : a.desired,
                        a.ready, a.pending, a.podsPerPool, List.copyOf(a.nodes), a.restarts, a.crashLoopBackOff))
                .toList();
        pending.sort(Comparator.comparing(ClusterReport.PendingPod::namespace).thenComparing(ClusterReport.PendingPod::name));
        return new ClusterReport(format(simulated), seed, List.copyOf(sim.notes()), pools, wl, pending,
                byWorkload(pending, workloadOfPending, wl.stream().map(ClusterReport.Workload::id).toList()));
    }

    /** Pending pods grouped by workload (in the order of the workloads table), each group's messages most common first. */
    static List<ClusterReport.PendingWorkload> byWorkload(List<ClusterReport.PendingPod> pending, Map<String, String> workloadOf,
                                                          List<String> workloadOrder) {
        Map<String, Integer> rank = new HashMap<>();
        workloadOrder.forEach(w -> rank.putIfAbsent(w, rank.size()));
        Map<String, Map<String, List<String>>> podsByMessage = new TreeMap<>(Comparator.comparingInt(rank::get));
        for (ClusterReport.PendingPod p : pending) {
            String pod = p.namespace() + "/" + p.name();
            podsByMessage.computeIfAbsent(workloadOf.get(pod), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.reason(), k -> new ArrayList<>()).add(pod);
        }
        List<ClusterReport.PendingWorkload> out = new ArrayList<>();
        podsByMessage.forEach((workload, messages) -> {
            List<ClusterReport.PendingReason> reasons = new ArrayList<>();
            messages.forEach((message, names) -> reasons.add(new ClusterReport.PendingReason(message, names.size(), names.get(0))));
            reasons.sort(Comparator.comparingInt(ClusterReport.PendingReason::pods).reversed());
            out.add(new ClusterReport.PendingWorkload(workload, reasons.stream().mapToInt(ClusterReport.PendingReason::pods).sum(), reasons));
        });
        return out;
    }

    private static ClusterReport.Pool pool(String name, List<Node> nodes, ResolvedNodePool def, long[] requested) {
        long cpu = 0, mem = 0;
        for (Node n : nodes) {
            Resources a = Resources.of(n.getStatus() == null ? null : n.getStatus().getAllocatable());
            cpu += a.cpuMillis();
            mem += a.memoryBytes();
        }
        long[] req = requested == null ? new long[3] : requested;
        List<String> taints = new ArrayList<>();
        if (!nodes.isEmpty() && nodes.get(0).getSpec() != null && nodes.get(0).getSpec().getTaints() != null) {
            for (Taint t : nodes.get(0).getSpec().getTaints()) {
                taints.add(t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue()) + ":" + t.getEffect());
            }
        }
        int n = nodes.size();
        return new ClusterReport.Pool(name, def == null ? "-" : def.provider().name().toLowerCase(),
                def == null ? instanceTypeOf(nodes) : def.instanceType() == null ? "custom" : def.instanceType(), n,
                n == 0 ? (def == null ? 0 : def.allocatable().cpuMillis()) : cpu / n,
                n == 0 ? (def == null ? 0 : def.allocatable().memoryBytes()) : mem / n,
                req[0], req[1], percent(req[0], cpu), percent(req[1], mem), (int) req[2], taints, def == null ? 0 : def.pricePerHour());
    }

    private static String instanceTypeOf(List<Node> nodes) {
        TreeSet<String> types = new TreeSet<>();
        for (Node n : nodes) {
            Map<String, String> l = n.getMetadata().getLabels();
            types.add(l == null ? "-" : l.getOrDefault("node.kubernetes.io/instance-type", "-"));
        }
        return types.size() == 1 ? types.first() : types.size() + " types";
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    private static String poolName(Node n) {
        Map<String, String> l = n.getMetadata().getLabels();
        return l != null && l.containsKey(NodeFactory.POOL_LABEL) ? l.get(NodeFactory.POOL_LABEL) : UNPOOLED;
    }

    /** The workload a pod belongs to as the reports name it: "Deployment shop/web", or "Pod shop/debug" for a bare pod. */
    public static String workloadId(ObjectStore store, Pod pod) {
        PodWorkload w = PodWorkload.of(store, pod);
        return w.kind() + " " + w.namespace() + "/" + w.name();
    }

    /** Follows controller references up: Pod to ReplicaSet to Deployment, or to a StatefulSet or DaemonSet; null when none is present. */
    public static HasMetadata topOwner(ObjectStore store, HasMetadata o) {
        return PodWorkload.of(store, o).owner();
    }

    private static int desired(HasMetadata owner) {
        Integer r = switch (owner) {
            case Deployment d -> d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            case StatefulSet s -> s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
            case ReplicaSet rs -> rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
            case DaemonSet ds -> ds.getStatus() == null || ds.getStatus().getDesiredNumberScheduled() == null ? -1 : ds.getStatus().getDesiredNumberScheduled();
            case null, default -> -1;
        };
        return r;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return (s / 3600) + "h";
        }
        if (s % 60 == 0 && s >= 60) {
            return (s / 60) + "m";
        }
        return s + "s";
    }

    private static final class WorkloadAcc {
        final String kind;
        final String namespace;
        final String name;
        final int desired;
        int pods;
        int ready;
        int pending;
        int restarts;
        int crashLoopBackOff;
        final Map<String, Integer> podsPerPool = new TreeMap<>();

        String id() {
            return kind + " " + namespace + "/" + name;
        }

        final TreeSet<String> nodes = new TreeSet<>();

        WorkloadAcc(String kind, String namespace, String name, int desired) {
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
            this.desired = desired;
        }
    }
}
