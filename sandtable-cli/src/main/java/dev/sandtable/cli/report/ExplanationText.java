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

    public static String render(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Pod ").append(e.pod()).append(": ");
        sb.append(e.chosenNode() != null ? "scheduled to " + e.chosenNode() : e.message()).append('\n');
        if (e.preFilter() != null) {
            sb.append("  PreFilter ").append(e.preFilter().plugin()).append(" rejected the pod: ")
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
        sb.append("  Filters:\n");
        List<String> header = new ArrayList<>(List.of("NODE"));
        header.addAll(plugins);
        Table filters = new Table(header.toArray(String[]::new));
        groups.forEach((key, nodes) -> {
            List<String> row = new ArrayList<>();
            row.add(nodes.get(0) + (nodes.size() > 1 ? " (+" + (nodes.size() - 1) + " alike)" : ""));
            row.addAll(rowOf.get(key));
            filters.row(row.toArray(String[]::new));
        });
        filters.render().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
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
            sb.append("  Scores (raw -> normalized -> weighted; * chosen):\n");
            scores.render().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        return sb.toString();
    }
}
