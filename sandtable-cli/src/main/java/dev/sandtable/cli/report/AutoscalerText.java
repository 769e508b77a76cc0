package dev.sandtable.cli.report;

import dev.sandtable.autoscaler.scaleup.PoolVerdict;
import dev.sandtable.report.AutoscalerReport;
import java.util.List;
import java.util.Locale;

/** Renders what the cluster autoscaler did: a short section for run, every decision and node verdict for explain ca. */
public final class AutoscalerText {
    private static final int EVENTS_IN_SUMMARY = 10;

    private AutoscalerText() {
    }

    /** The run report's section: counts and the latest scale events. */
    public static String summary(AutoscalerReport r) {
        if (!r.active()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nCLUSTER AUTOSCALER\n");
        sb.append(settings(r)).append(", ").append(r.nodesAdded()).append(" node(s) added, ").append(r.nodesRemoved()).append(" removed\n");
        List<AutoscalerReport.Event> events = r.events();
        if (events.size() > EVENTS_IN_SUMMARY) {
            sb.append("  ... ").append(events.size() - EVENTS_IN_SUMMARY).append(" earlier event(s); sandtable explain ca lists them all\n");
            events = events.subList(events.size() - EVENTS_IN_SUMMARY, events.size());
        }
        for (AutoscalerReport.Event e : events) {
            sb.append("  ").append(e.at()).append("  ").append(e.text()).append('\n');
        }
        return sb.toString();
    }

    /** explain ca: every scale-up considered with each pool's verdict, then each node's latest verdict. */
    public static String full(AutoscalerReport r) {
        StringBuilder sb = new StringBuilder();
        if (!r.active()) {
            return "The cluster autoscaler did not run: no NodePool has autoscaling: true.\n";
        }
        sb.append("CLUSTER AUTOSCALER (cluster-autoscaler 1.31): ").append(settings(r)).append('\n');
        sb.append("\nSCALE-UPS (").append(r.scaleUps().size()).append(")\n");
        if (r.scaleUps().isEmpty()) {
            sb.append("No pod waited for a node, so no scale-up was considered.\n");
        }
        for (AutoscalerReport.ScaleUp s : r.scaleUps()) {
            sb.append(s.at()).append("  ").append(s.pendingPods()).append(" pending pod(s) (e.g. ").append(String.join(", ", s.examplePods())).append("): ")
                    .append(s.chosenPool() == null ? "no pool can help" : "+" + s.nodes() + " node(s) in " + s.chosenPool()).append('\n');
            Table t = new Table("POOL", "VERDICT", "NODES", "PODS", "WHY");
            for (PoolVerdict v : s.pools()) {
                t.row(v.pool(), v.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), v.nodes() == 0 ? "-" : Integer.toString(v.nodes()),
                        v.pods() == 0 ? "-" : Integer.toString(v.pods()), v.reason());
            }
            sb.append(indent(t.render()));
        }
        sb.append("\nNODES OF AUTOSCALING POOLS (latest verdict)\n");
        Table t = new Table("NODE", "POOL", "STATE", "SINCE", "UTILIZATION", "WHY");
        for (AutoscalerReport.Node v : r.nodes()) {
            t.row(v.node(), v.pool(), v.state(), v.since(),
                    v.utilization() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", v.utilization() * 100), v.why());
        }
        sb.append(t.render());
        sb.append("\nEVENTS\n");
        for (AutoscalerReport.Event e : r.events()) {
            sb.append("  ").append(e.at()).append("  ").append(e.text()).append('\n');
        }
        return sb.toString();
    }

    private static String settings(AutoscalerReport r) {
        return "expander " + String.join(",", r.expanders()) + ", scale-down below " + r.scaleDownUtilizationThreshold()
                + " for " + r.scaleDownUnneededTime() + ", delay after add " + r.scaleDownDelayAfterAdd();
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }
}
