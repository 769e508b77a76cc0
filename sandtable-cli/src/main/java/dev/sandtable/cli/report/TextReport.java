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

    public static String render(RunOutput o) {
        ClusterReport r = o.report();
        StringBuilder sb = new StringBuilder();
        sb.append("Simulated ").append(r.simulated()).append(" (seed ").append(r.seed()).append(")\n");
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        if (!o.notSimulated().isEmpty()) {
            sb.append("not simulated: ");
            List<String> parts = new ArrayList<>();
            o.notSimulated().forEach((k, v) -> parts.add(v + " " + k));
            sb.append(String.join(", ", parts)).append('\n');
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
        Table wl = new Table("WORKLOAD", "READY", "PENDING", "POOLS", "NODES");
        for (ClusterReport.Workload w : r.workloads()) {
            List<String> perPool = new ArrayList<>();
            for (Map.Entry<String, Integer> e : w.podsPerPool().entrySet()) {
                perPool.add(e.getKey() + "(" + e.getValue() + ")");
            }
            wl.row(w.id(), w.ready() + "/" + w.desired(), Integer.toString(w.pending()),
                    perPool.isEmpty() ? "-" : String.join(",", perPool), nodes(w.nodes()));
        }
        sb.append(wl.render());

        if (r.pending().isEmpty()) {
            sb.append("\nAll pods are scheduled.\n");
        } else {
            sb.append("\nPENDING PODS (").append(r.pending().size()).append(")\n");
            pending(sb, r.pendingByWorkload(), o.pendingExplanations());
        }
        return sb.toString();
    }

    /** One entry per workload, each distinct scheduler message once with its count, explained on one of its pods. */
    private static void pending(StringBuilder sb, List<ClusterReport.PendingWorkload> workloads, List<Explanation> explanations) {
        Map<String, Explanation> explained = new HashMap<>();
        explanations.forEach(e -> explained.put(e.pod(), e));
        if (!explained.isEmpty()) {
            sb.append(ExplanationText.LEGEND).append('\n');
        }
        for (ClusterReport.PendingWorkload w : workloads) {
            boolean barePod = w.workload().startsWith("Pod ");
            sb.append(w.workload()).append(": ").append(barePod ? "" : w.pods() == 1 ? "1 pod " : w.pods() + " pods ").append("pending\n");
            for (ClusterReport.PendingReason reason : w.reasons()) {
                boolean several = w.reasons().size() > 1;
                sb.append("    ").append(several ? reason.pods() + " of them: " : "").append(reason.message()).append('\n');
                Explanation e = explained.get(reason.example());
                if (e != null) {
                    if (!barePod) {
                        sb.append("    ").append(reason.pods() == 1 ? "Pod " + reason.example()
                                : "For " + reason.example() + ", one of the " + reason.pods()).append(":\n");
                    }
                    sb.append(ExplanationText.tables(e, barePod ? "    " : "      "));
                }
            }
        }
    }
}
