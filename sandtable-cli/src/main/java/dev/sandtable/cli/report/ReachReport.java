package dev.sandtable.cli.report;

import dev.sandtable.network.Direction;
import dev.sandtable.network.Edge;
import dev.sandtable.network.PolicyCoverage;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.ReachabilityMatrix;
import dev.sandtable.network.Workload;
import dev.sandtable.network.WorkloadView;
import java.util.ArrayList;
import java.util.List;

/**
 * What sandtable reach prints without --from and --to: each workload with the policies that isolate it, every
 * allowed workload-to-workload connection with its ports, the notes and the policy warnings. Rendered as text,
 * Markdown, DOT or JSON.
 */
public record ReachReport(String version, String world, int policies, List<String> notes, List<WorkloadRow> workloads, List<EdgeRow> edges,
                          List<String> warnings) {

    /**
     * A workload, its running and pending pods, and the policies that isolate its pods in each direction (empty: open);
     * fromTemplate when it has no running pod and one representative pod made from its template stands for it (pods
     * then counts that one).
     */
    public record WorkloadRow(String id, String kind, String namespace, String name, int pods, int pendingPods, boolean fromTemplate,
                              List<String> ingressIsolatedBy, List<String> egressIsolatedBy) {
        public String display() {
            return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
        }
    }

    /** An allowed connection: the ports some pod pair may use; partial when not every pod pair may use them all. */
    public record EdgeRow(String from, String to, List<String> ports, boolean partial) {
    }

    public static ReachReport of(String version, PolicyEngine engine, ReachabilityMatrix matrix, List<PolicyCoverage.Warning> warnings) {
        return of(version, engine, matrix, matrix.edges(), List.of(), warnings);
    }

    /** With the connections given (after Istio, say) and extra notes. */
    public static ReachReport of(String version, PolicyEngine engine, ReachabilityMatrix matrix, List<Edge> connections, List<String> extraNotes,
                                 List<PolicyCoverage.Warning> warnings) {
        WorkloadView view = matrix.view();
        List<WorkloadRow> rows = new ArrayList<>();
        for (Workload w : view.workloads()) {
            rows.add(row(engine, w));
        }
        List<EdgeRow> edges = new ArrayList<>();
        for (Edge e : connections) {
            edges.add(new EdgeRow(id(e.from()), id(e.to()), e.ports().describe(), e.partial()));
        }
        List<String> notes = new ArrayList<>(engine.snapshot().notes());
        notes.addAll(extraNotes);
        for (Workload w : view.workloads()) {
            if (!w.running()) {
                notes.add(w.key() + " has no running pod (" + w.pendingPods() + " pending): it takes part in no connection");
            }
        }
        String world = engine.snapshot().endpoints().stream().filter(e -> e.isExternal() && e.synthetic()).map(e -> e.address()).findFirst().orElse("-");
        return new ReachReport(version, world, engine.policies().size(), notes, rows, edges, warnings.stream().map(Object::toString).toList());
    }

    static String id(Workload w) {
        return w.key().qualified();
    }

    private static WorkloadRow row(PolicyEngine engine, Workload w) {
        List<String> in = List.of();
        List<String> out = List.of();
        if (w.running()) {
            int first = w.endpoints().get(0);
            in = names(engine, engine.isolating(first, Direction.INGRESS));
            out = names(engine, engine.isolating(first, Direction.EGRESS));
        }
        boolean template = engine.snapshot().fromTemplate().contains(w.key());
        return new WorkloadRow(id(w), w.key().kind(), w.key().namespace(), w.key().name(), w.endpoints().size(), w.pendingPods(),
                template, in, out);
    }

    private static List<String> names(PolicyEngine engine, int[] policies) {
        List<String> out = new ArrayList<>();
        for (int p : policies) {
            out.add(engine.policies().get(p).policy().name());
        }
        return out;
    }
}
