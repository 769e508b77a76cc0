package dev.sandtable.cli.report;

import dev.sandtable.scenario.ScenarioResult;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.sim.GoDurations;
import java.util.ArrayList;
import java.util.List;

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
            sb.append(v.passed() ? "  PASS  " : "  FAIL  ").append(v.name()).append('\n').append("        ").append(account(v)).append('\n');
        }
        sb.append("\nFIGURES (over the whole run)\n");
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

    /** A verdict's detail, and for a failure when it broke and by how much; the instant is not repeated when the detail names it. */
    static String account(Verdict v) {
        if (v.passed()) {
            return v.detail();
        }
        List<String> extra = new ArrayList<>();
        if (v.atMillis() != null && !v.detail().contains(GoDurations.clock(v.atMillis()))) {
            extra.add("at " + GoDurations.clock(v.atMillis()));
        }
        if (v.by() != null) {
            extra.add("by " + v.by());
        }
        return extra.isEmpty() ? v.detail() : v.detail() + " [" + String.join(", ", extra) + "]";
    }
}
