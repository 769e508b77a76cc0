package dev.sandtable.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders sandtable reach as plain text (kubectl-style tables) or Markdown. */
public final class ReachText {
    private ReachText() {
    }

    public static String render(ReachReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("NetworkPolicy reachability: ").append(r.policies()).append(" policies, ").append(r.workloads().size())
                .append(" workloads; the world is ").append(r.world()).append('\n');
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append("\nISOLATION\n");
        Table iso = new Table("WORKLOAD", "PODS", "INGRESS", "EGRESS");
        for (ReachReport.WorkloadRow w : r.workloads()) {
            iso.row(w.display(), pods(w), isolation(w, w.ingressIsolatedBy()), isolation(w, w.egressIsolatedBy()));
        }
        sb.append(iso.render());
        sb.append("\nALLOWED CONNECTIONS (").append(r.edges().size()).append(")\n");
        Table edges = new Table("FROM", "TO", "PORTS");
        for (Row row : rows(r)) {
            edges.row(row.from(), row.to(), row.ports());
        }
        sb.append(edges.render());
        if (!r.warnings().isEmpty()) {
            sb.append("\nWARNINGS (").append(r.warnings().size()).append(")\n");
            r.warnings().forEach(w -> sb.append(w).append('\n'));
        }
        return sb.toString();
    }

    public static String markdown(ReachReport r) {
        StringBuilder sb = new StringBuilder("# NetworkPolicy reachability\n\n");
        sb.append(r.policies()).append(" policies, ").append(r.workloads().size()).append(" workloads; the world is `").append(r.world()).append("`.\n\n");
        r.notes().forEach(n -> sb.append("> note: ").append(n).append("\n\n"));
        sb.append("## Isolation\n\n| workload | pods | ingress | egress |\n|---|---|---|---|\n");
        for (ReachReport.WorkloadRow w : r.workloads()) {
            sb.append("| ").append(w.display()).append(" | ").append(pods(w)).append(" | ").append(isolation(w, w.ingressIsolatedBy()))
                    .append(" | ").append(isolation(w, w.egressIsolatedBy())).append(" |\n");
        }
        sb.append("\n## Allowed connections\n\n| from | to | ports |\n|---|---|---|\n");
        for (Row row : rows(r)) {
            sb.append("| ").append(row.from()).append(" | ").append(row.to()).append(" | ").append(row.ports()).append(" |\n");
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\n## Warnings\n\n");
            r.warnings().forEach(w -> sb.append("- ").append(w).append('\n'));
        }
        return sb.toString();
    }

    private record Row(String from, String to, String ports) {
    }

    /**
     * One row per allowed connection; when a source may open every port to most workloads, those connections become
     * one row to "*" (naming the exceptions), and the others follow.
     */
    private static List<Row> rows(ReachReport r) {
        Map<String, ReachReport.WorkloadRow> byId = new LinkedHashMap<>();
        r.workloads().forEach(w -> byId.put(w.id(), w));
        Map<String, List<ReachReport.EdgeRow>> bySource = new LinkedHashMap<>();
        r.workloads().forEach(w -> bySource.put(w.id(), new ArrayList<>()));
        r.edges().forEach(e -> bySource.get(e.from()).add(e));
        List<Row> out = new ArrayList<>();
        bySource.forEach((from, edges) -> {
            ReachReport.WorkloadRow src = byId.get(from);
            List<String> possible = r.workloads().stream().filter(w -> w.pods() > 0 && (!w.id().equals(from) || w.pods() > 1))
                    .map(ReachReport.WorkloadRow::id).toList();
            List<String> open = edges.stream().filter(e -> !e.partial() && e.ports().equals(List.of("all ports"))).map(ReachReport.EdgeRow::to).toList();
            boolean collapse = open.size() >= 3 && open.size() * 2 > possible.size();
            if (collapse) {
                List<String> except = possible.stream().filter(id -> !open.contains(id)).map(id -> byId.get(id).display()).toList();
                out.add(new Row(src.display(), except.isEmpty() ? "* (every workload and the world)" : "* except " + String.join(", ", except), "all ports"));
            }
            for (ReachReport.EdgeRow e : edges) {
                if (!collapse || !open.contains(e.to())) {
                    out.add(new Row(src.display(), byId.get(e.to()).display(), String.join(", ", e.ports()) + (e.partial() ? " (some pod pairs)" : "")));
                }
            }
        });
        return out;
    }

    private static String pods(ReachReport.WorkloadRow w) {
        if (w.kind().equals("External")) {
            return "-";
        }
        if (w.fromTemplate()) {
            return w.pendingPods() == 0 ? "template" : "template (" + w.pendingPods() + " pending)";
        }
        return w.pendingPods() == 0 ? Integer.toString(w.pods()) : w.pods() + " (+" + w.pendingPods() + " pending)";
    }

    private static String isolation(ReachReport.WorkloadRow w, List<String> by) {
        if (w.pods() == 0) {
            return "-";
        }
        return by.isEmpty() ? "open" : "isolated by " + String.join(", ", by);
    }

    public static String render(ReachQuery q) {
        StringBuilder sb = new StringBuilder();
        sb.append("from:    ").append(q.from()).append('\n');
        sb.append("to:      ").append(q.to()).append('\n');
        sb.append("port:    ").append(q.port() == null ? "any" : q.port()).append('\n');
        sb.append("verdict: ").append(headline(q)).append('\n');
        q.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        for (ReachQuery.PairExplanation e : q.explanations()) {
            sb.append('\n').append(e.from()).append(" -> ").append(e.to());
            if (e.via() != null) {
                sb.append(" (").append(e.via()).append(')');
            }
            sb.append(": ").append(e.connection()).append(' ').append(e.allowed() ? "allowed" : "denied");
            if (e.alike() > 0) {
                sb.append(" (and ").append(e.alike()).append(" more pod pair").append(e.alike() == 1 ? "" : "s").append(" alike)");
            }
            sb.append('\n');
            side(sb, e.egress(), "  ");
            side(sb, e.ingress(), "  ");
            mesh(sb, e.mesh(), "  ");
        }
        return sb.toString();
    }

    public static String markdown(ReachQuery q) {
        StringBuilder sb = new StringBuilder("# Reachability: ").append(q.from()).append(" to ").append(q.to()).append("\n\n");
        sb.append("- port: ").append(q.port() == null ? "any" : q.port()).append('\n');
        sb.append("- verdict: **").append(headline(q)).append("**\n");
        q.notes().forEach(n -> sb.append("- note: ").append(n).append('\n'));
        for (ReachQuery.PairExplanation e : q.explanations()) {
            sb.append("\n## `").append(e.from()).append("` to `").append(e.to()).append("`: ").append(e.connection()).append(' ')
                    .append(e.allowed() ? "allowed" : "denied").append("\n\n");
            if (e.via() != null) {
                sb.append("Via ").append(e.via()).append(".\n\n");
            }
            side(sb, e.egress(), "- ");
            side(sb, e.ingress(), "- ");
            mesh(sb, e.mesh(), "- ");
        }
        return sb.toString();
    }

    static String headline(ReachQuery q) {
        String ports = q.allowedPorts().isEmpty() ? "" : ": " + String.join(", ", q.allowedPorts());
        return switch (q.verdict()) {
            case "allowed" -> "ALLOWED" + ports + " (" + pairs(q) + ")";
            case "denied" -> "DENIED (" + pairs(q) + ")";
            default -> "PARTLY ALLOWED" + ports + " (" + q.allowedPairs() + " of " + q.pairs() + " pod pairs)";
        };
    }

    private static String pairs(ReachQuery q) {
        return q.pairs() == 1 ? "1 pod pair" : q.pairs() == 2 ? "both pod pairs" : "all " + q.pairs() + " pod pairs";
    }

    private static void mesh(StringBuilder sb, ReachQuery.MeshSide m, String indent) {
        if (m != null) {
            sb.append(indent).append("Istio: ").append(!m.enforced() ? "not enforced" : m.allowed() ? "allowed" : "denied").append(": ")
                    .append(String.join("; ", m.reasons())).append('\n');
        }
    }

    private static void side(StringBuilder sb, ReachQuery.Side s, String indent) {
        String bullet = indent.equals("- ") ? "- " : indent;
        String sub = indent.equals("- ") ? "  - " : indent + "  ";
        sb.append(bullet).append(s.direction()).append(" of ").append(s.pod()).append(": ");
        if (!s.isolated()) {
            sb.append("not isolated (no NetworkPolicy with ").append(s.direction().equals("egress") ? "Egress" : "Ingress")
                    .append(" selects it), so everything passes\n");
            return;
        }
        sb.append("isolated by ").append(String.join(", ", s.isolatedBy())).append('\n');
        if (s.rules().isEmpty()) {
            sb.append(sub).append("no rule of these policies has the other side among its peers\n");
        }
        for (ReachQuery.Match m : s.rules()) {
            String ports = m.ports().isEmpty() ? "no port of this destination" : String.join(", ", m.ports());
            sb.append(sub).append(Boolean.FALSE.equals(m.admits()) ? "peer matched by " : "allowed by ").append(m.policy()).append(' ').append(m.rule())
                    .append(" (").append(m.peer()).append(")").append(Boolean.FALSE.equals(m.admits()) ? ", but it opens only " : ": ").append(ports).append('\n');
        }
    }
}
