package dev.sandtable.cli.report;

import dev.sandtable.scheduler.framework.Explanation;
import dev.sandtable.scheduler.framework.ScheduleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a scheduling explanation: a node-by-filter verdict table (identical rows grouped) and a score table. */
public final class ExplanationText {
    private ExplanationText() {
    }

    /** Why the message and the filter table can disagree, and what skip means: printed once above the tables. */
    public static final String LEGEND = "Filter tables run every filter on every node; the message counts a node once, by its first failing"
            + " filter (where kube-scheduler stops); skip: nothing to check for this pod.";

    /** The pod's outcome, then the tables; the failure message itself is left to the line that lists the pod. */
    public static String render(Explanation e) {
        return "Pod " + e.pod() + ": " + (e.chosenNode() != null ? "scheduled to " + e.chosenNode() : "unschedulable") + '\n' + tables(e, "  ");
    }

    /** The PreFilter rejection, or the filter table (identical rows grouped) and the score table, each line indented. */
    public static String tables(Explanation e, String indent) {
        StringBuilder sb = new StringBuilder();
        if (e.preFilter() != null) {
            sb.append(indent).append("PreFilter ").append(e.preFilter().plugin()).append(" rejected the pod: ")
                    .append(String.join(", ", e.preFilter().reasons())).append('\n');
            return sb.toString();
        }
        if (e.nodes().isEmpty()) {
            return sb.toString();
        }
        List<String> plugins = new ArrayList<>();
        e.nodes().get(0).filters().forEach(v -> plugins.add(v.plugin()));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, List<String>> rowOf = new LinkedHashMap<>();
        for (Explanation.NodeVerdict n : e.nodes()) {
            List<String> cells = new ArrayList<>();
            for (Explanation.PluginVerdict v : n.filters()) {
                cells.add(v.passed() ? (v.code().equals("Skip") ? "skip" : "ok") : String.join("; ", v.reasons()));
            }
            String key = String.join("\u0000", cells);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n.node());
            rowOf.putIfAbsent(key, cells);
        }
        sb.append(indent).append("Filters:\n");
        List<String> header = new ArrayList<>(List.of("NODE"));
        header.addAll(plugins);
        Table filters = new Table(header.toArray(String[]::new));
        groups.forEach((key, nodes) -> {
            List<String> row = new ArrayList<>();
            row.add(nodes.get(0) + (nodes.size() > 1 ? " (+" + (nodes.size() - 1) + " alike)" : ""));
            row.addAll(rowOf.get(key));
            filters.row(row.toArray(String[]::new));
        });
        filters.render().lines().forEach(l -> sb.append(indent).append("  ").append(l).append('\n'));
        List<Explanation.NodeVerdict> feasible = e.nodes().stream().filter(Explanation.NodeVerdict::feasible).toList();
        if (!feasible.isEmpty()) {
            List<String> scorePlugins = new ArrayList<>(feasible.get(0).scores().keySet());
            List<String> sh = new ArrayList<>(List.of("NODE"));
            sh.addAll(scorePlugins);
            sh.add("TOTAL");
            Table scores = new Table(sh.toArray(String[]::new));
            feasible.stream().sorted((a, b) -> Long.compare(b.total(), a.total())).forEach(n -> {
                List<String> row = new ArrayList<>();
                row.add(n.node() + (n.node().equals(e.chosenNode()) ? " *" : ""));
                for (String p : scorePlugins) {
                    ScheduleResult.PluginScore ps = n.scores().get(p);
                    row.add(ps.raw() + " -> " + ps.normalized() + " -> " + ps.weighted());
                }
                row.add(Long.toString(n.total()));
                scores.row(row.toArray(String[]::new));
            });
            sb.append(indent).append("Scores (raw -> normalized -> weighted; * chosen):\n");
            scores.render().lines().forEach(l -> sb.append(indent).append("  ").append(l).append('\n'));
        }
        return sb.toString();
    }
}
