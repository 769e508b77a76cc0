package dev.sandtable.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders sandtable reach as a Graphviz DOT digraph: a cluster per namespace, an edge per allowed connection, labelled with its ports. */
public final class ReachDot {
    private ReachDot() {
    }

    public static String render(ReachReport r) {
        StringBuilder sb = new StringBuilder("digraph reach {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        Map<String, StringBuilder> clusters = new LinkedHashMap<>();
        for (ReachReport.WorkloadRow w : r.workloads()) {
            String node = "    " + quote(w.id()) + " [label=" + quote(w.name() + "\n" + w.kind() + (w.fromTemplate() ? " (from template)" : w.pods() == 0 ? " (no running pod)" : ""))
                    + (w.kind().equals("External") ? ", shape=ellipse" : "")
                    + (w.pods() == 0 && !w.kind().equals("External") ? ", style=dashed" : "") + "];\n";
            clusters.computeIfAbsent(w.namespace(), n -> new StringBuilder()).append(node);
        }
        clusters.forEach((ns, nodes) -> {
            if (ns.isEmpty()) {
                sb.append(nodes.toString().replace("    ", "  "));
            } else {
                sb.append("  subgraph ").append(quote("cluster_" + ns)).append(" {\n    label=").append(quote(ns)).append(";\n").append(nodes).append("  }\n");
            }
        });
        for (ReachReport.EdgeRow e : r.edges()) {
            sb.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to())).append(" [label=")
                    .append(quote(String.join(", ", e.ports()))).append(e.partial() ? ", style=dashed" : "").append("];\n");
        }
        return sb.append("}\n").toString();
    }

    public static String render(ReachQuery q) {
        String label = q.verdict().equals("denied") ? "denied" : String.join(", ", q.allowedPorts());
        return "digraph reach {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  " + quote(q.from()) + " -> " + quote(q.to())
                + " [label=" + quote(label) + (q.verdict().equals("denied") ? ", color=red, style=dashed" : "") + "];\n}\n";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
