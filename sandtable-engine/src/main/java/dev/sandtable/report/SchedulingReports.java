package dev.sandtable.report;

import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.api.Pods;
import dev.sandtable.engine.Simulation;
import dev.sandtable.scheduler.framework.Explanation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Builds a {@link SchedulingReport} from a simulation that has settled. */
public final class SchedulingReports {
    private SchedulingReports() {
    }

    public static SchedulingReport of(Simulation sim, Predicate<String> selected) {
        Map<String, String> poolOfNode = new HashMap<>();
        List<Node> nodes = sim.store().list(Node.class);
        for (Node n : nodes) {
            Map<String, String> l = n.getMetadata().getLabels();
            poolOfNode.put(n.getMetadata().getName(), l == null ? null : l.get(NodeFactory.POOL_LABEL));
        }
        List<SchedulingReport.Placement> placements = new ArrayList<>();
        List<ClusterReport.PendingPod> unschedulable = new ArrayList<>();
        Map<String, String> workloadOf = new HashMap<>();
        // By namespace and name, then kind, as the workloads table of run orders them.
        Set<String> workloads = new TreeSet<>(Comparator.comparing((String id) -> id.substring(id.indexOf(' ') + 1)).thenComparing(id -> id));
        int pods = 0, scheduled = 0;
        for (Pod p : sim.store().list(Pod.class)) {
            if (!Pods.isActive(p)) {
                continue;
            }
            pods++;
            String node = p.getSpec().getNodeName();
            if (node != null) {
                scheduled++;
            }
            String key = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
            if (selected.test(key)) {
                PodCondition c = Pods.condition(p, "PodScheduled");
                String message = node != null ? "" : c == null || c.getMessage() == null ? "not yet scheduled" : c.getMessage();
                placements.add(new SchedulingReport.Placement(p.getMetadata().getNamespace(), p.getMetadata().getName(), node,
                        node == null ? null : poolOfNode.get(node), message));
                if (node == null) {
                    String workload = ClusterReports.workloadId(sim.store(), p);
                    workloadOf.put(key, workload);
                    workloads.add(workload);
                    unschedulable.add(new ClusterReport.PendingPod(p.getMetadata().getNamespace(), p.getMetadata().getName(), workload, message,
                            c == null ? null : c.getLastTransitionTime()));
                }
            }
        }
        List<Explanation> explanations = new ArrayList<>(sim.scheduler().explanations().values());
        return new SchedulingReport(nodes.size(), pods, scheduled, pods - scheduled, placements,
                ClusterReports.byWorkload(unschedulable, workloadOf, List.copyOf(workloads)), explanations);
    }
}
