package dev.sandtable.cli.report;

import dev.sandtable.controller.podautoscaler.Decision;
import dev.sandtable.controller.podautoscaler.HpaExplanation;
import java.util.Locale;

/** `explain hpa` as text: the target, its pods, each metric's step, stabilization, limits and the result. */
public final class HpaExplanationText {
    private HpaExplanationText() {
    }

    public static String render(HpaExplanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("HorizontalPodAutoscaler ").append(e.hpa()).append(" -> ").append(e.target().replaceFirst("/", " ")).append('\n');
        sb.append("  at ").append(e.at()).append(" (newest PodMetrics); current replicas ").append(e.currentReplicas()).append(", min ")
                .append(e.minReplicas()).append(", max ").append(e.maxReplicas()).append('\n');
        sb.append("\nPODS (").append(e.pods().size()).append(")\n");
        Table t = new Table("  POD", "NODE", "PHASE", "READY", "STARTED", "CPU", "MEMORY", "COUNTED AS (CPU)");
        for (HpaExplanation.PodRow p : e.pods()) {
            t.row("  " + p.name(), dash(p.node()), p.phase(), p.ready(), dash(p.startTime()), dash(p.cpu()), dash(p.memory()), p.countedAs());
        }
        sb.append(t.render());
        sb.append("\nMETRICS (tolerance ").append(String.format(Locale.ROOT, "%.2f", e.tolerance())).append(": no change while |ratio - 1| <= tolerance)\n");
        for (HpaExplanation.MetricRow m : e.metrics()) {
            if (m.proposedReplicas() == null) {
                sb.append("  ").append(m.type()).append(": ").append(m.error()).append('\n');
            } else {
                sb.append("  ").append(m.name()).append(": current ").append(m.current()).append(", target ").append(m.target())
                        .append(String.format(Locale.ROOT, ", ratio %.3f", m.ratio())).append(" -> ").append(m.proposedReplicas()).append(" replicas\n");
            }
        }
        if (e.metrics().isEmpty()) {
            sb.append("  (metrics not evaluated: ").append(e.rescaleReason()).append(")\n");
        }
        if (e.metricDesiredReplicas() > 0) {
            sb.append("  largest proposal: ").append(e.metricDesiredReplicas()).append('\n');
        }
        sb.append("\nSTABILIZATION  ").append(e.stabilization()).append('\n');
        sb.append("LIMITS         ").append(e.limits()).append('\n');
        sb.append("\ndesiredReplicas: ").append(e.desiredReplicas()).append(e.desiredReplicas() == e.currentReplicas() ? " (no change)" : "").append('\n');
        sb.append("\nCONDITIONS\n");
        for (Decision.Condition c : e.conditions()) {
            sb.append("  ").append(c.type()).append(' ').append(c.status()).append(' ').append(c.reason()).append(": ").append(c.message()).append('\n');
        }
        if (!e.events().isEmpty()) {
            sb.append("EVENTS\n");
            for (Decision.Event ev : e.events()) {
                sb.append("  ").append(ev.type()).append(' ').append(ev.reason()).append(": ").append(ev.message()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
