package dev.sandtable.cli.report;

import dev.sandtable.scenario.ScenarioResult;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.sim.GoDurations;

/** Renders a scenario's verdict for a terminal: expectations, key figures, events. */
public final class ScenarioText {
    private ScenarioText() {
    }

    public static String render(ScenarioResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario ").append(r.scenario()).append(": ").append(r.duration()).append(" simulated (seed ").append(r.seed())
                .append(", resolution ").append(r.resolution()).append(")\n");
        sb.append("\nEXPECTATIONS\n");
        if (r.verdicts().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (Verdict v : r.verdicts()) {
            sb.append(v.passed() ? "  PASS  " : "  FAIL  ").append(v.name()).append('\n').append("        ").append(v.detail());
            if (!v.passed() && v.atMillis() != null) {
                sb.append(" [at ").append(GoDurations.clock(v.atMillis())).append(v.by() == null ? "" : ", by " + v.by()).append(']');
            } else if (!v.passed() && v.by() != null) {
                sb.append(" [by ").append(v.by()).append(']');
            }
            sb.append('\n');
        }
        sb.append("\nFIGURES\n");
        Table t = new Table("WHAT", "VALUE");
        r.figures().forEach(f -> t.row(f.name(), f.value()));
        t.render().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        if (!r.log().isEmpty()) {
            sb.append("\nEVENTS\n");
            r.log().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        long failed = r.verdicts().stream().filter(v -> !v.passed()).count();
        sb.append('\n').append(failed == 0 ? "All " + r.verdicts().size() + " expectations held."
                : failed + " of " + r.verdicts().size() + " expectations failed.").append('\n');
        return sb.toString();
    }
}
