package dev.sandtable.cli.report;

import dev.sandtable.report.ClusterReport;
import dev.sandtable.scheduler.framework.Explanation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders a run for a terminal: node pools, workload placements, pending pods with reasons. */
public final class TextReport {
    private TextReport() {
    }

    /** At most three node names, then how many more: the JSON output has them all. */
    static String nodes(List<String> nodes) {
        if (nodes.isEmpty()) {
            return "-";
        }
        if (nodes.size() <= 3) {
            return String.join(",", nodes);
        }
        return String.join(",", nodes.subList(0, 3)) + " +" + (nodes.size() - 3) + " more";
    }

    /** The kinds kept but not acted on, counted, as run and check both print them. */
    public static String notSimulated(Map<String, Integer> counts) {
        return "not simulated: " + counts(counts);
    }

    /** "2 apps/v1 Deployment, 1 v1 Service": counts in the map's order. */
    public static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    public static String render(RunOutput o) {
        ClusterReport r = o.report();
        StringBuilder sb = new StringBuilder();
        sb.append("Simulated ").append(r.simulated()).append(" (seed ").append(r.seed()).append(")\n");
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        if (!o.notSimulated().isEmpty()) {
            sb.append(notSimulated(o.notSimulated())).append('\n');
        }

        sb.append("\nNODE POOLS\n");
        Table pools = new Table("POOL", "PROVIDER", "TYPE", "NODES", "ALLOCATABLE/NODE", "CPU REQ", "MEM REQ", "PODS", "TAINTS");
        for (ClusterReport.Pool p : r.pools()) {
            pools.row(p.name(), p.provider(), p.instanceType(), Integer.toString(p.nodes()),
                    Units.cpu(p.allocatableCpuMillisPerNode()) + " cpu, " + Units.memory(p.allocatableMemoryBytesPerNode()),
                    p.cpuRequestedPercent() + "%", p.memoryRequestedPercent() + "%", Integer.toString(p.pods()),
                    p.taints().isEmpty() ? "-" : String.join(",", p.taints()));
        }
        sb.append(pools.render());

        sb.append("\nWORKLOADS\n");
        // RESTARTS appears only once a container has been restarted, as only scenarios with load kill containers.
        boolean restarts = r.workloads().stream().anyMatch(w -> w.restarts() > 0);
        Table wl = restarts ? new Table("WORKLOAD", "READY", "PENDING", "RESTARTS", "POOLS", "NODES")
                : new Table("WORKLOAD", "READY", "PENDING", "POOLS", "NODES");
        for (ClusterReport.Workload w : r.workloads()) {
            List<String> perPool = new ArrayList<>();
            for (Map.Entry<String, Integer> e : w.podsPerPool().entrySet()) {
                perPool.add(e.getKey() + "(" + e.getValue() + ")");
            }
            List<String> row = new ArrayList<>(List.of(w.id(), w.ready() + "/" + w.desired(), Integer.toString(w.pending())));
            if (restarts) {
                row.add(w.restarts() + (w.crashLoopBackOff() == 0 ? "" : " (" + w.crashLoopBackOff() + " in CrashLoopBackOff)"));
            }
            row.add(perPool.isEmpty() ? "-" : String.join(",", perPool));
            row.add(nodes(w.nodes()));
            wl.row(row.toArray(String[]::new));
        }
        sb.append(wl.render());

        if (r.pending().isEmpty()) {
            sb.append("\nAll pods are scheduled.\n");
        } else {
            sb.append("\nPENDING PODS (").append(r.pending().size()).append(")\n");
            sb.append(pending(r.pendingByWorkload(), o.pendingExplanations()));
        }
        return sb.toString();
    }

    /** One entry per workload, each distinct scheduler message once with its count, explained on one of its pods when given. */
    public static String pending(List<ClusterReport.PendingWorkload> workloads, List<Explanation> explanations) {
        StringBuilder sb = new StringBuilder();
        Map<String, Explanation> explained = new HashMap<>();
        explanations.forEach(e -> explained.put(e.pod(), e));
        if (!explained.isEmpty()) {
            sb.append(ExplanationText.LEGEND).append('\n');
        }
        for (ClusterReport.PendingWorkload w : workloads) {
            boolean barePod = w.workload().startsWith("Pod ");
            // A workload's only pending pod is named on the workload's line; otherwise the pod explained is named above its tables.
            boolean named = barePod || w.pods() == 1;
            sb.append(w.workload()).append(": ").append(barePod ? "pending" : w.pods() == 1 ? "1 pod pending, " + w.reasons().get(0).example()
                    : w.pods() + " pods pending").append('\n');
            for (ClusterReport.PendingReason reason : w.reasons()) {
                boolean several = w.reasons().size() > 1;
                sb.append("    ").append(several ? reason.pods() + " of them: " : "").append(reason.message()).append('\n');
                Explanation e = explained.get(reason.example());
                if (e != null) {
                    if (!named) {
                        sb.append("    ").append(reason.pods() == 1 ? "Pod " + reason.example()
                                : "For " + reason.example() + ", one of the " + reason.pods()).append(":\n");
                    }
                    sb.append(ExplanationText.tables(e, named ? "    " : "      "));
                }
            }
        }
        return sb.toString();
    }
}
