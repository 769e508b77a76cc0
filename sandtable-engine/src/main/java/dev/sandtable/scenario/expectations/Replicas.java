package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import dev.sandtable.sim.GoDurations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** replicas: from time `by` to the end of the window, a workload's ready replicas stay within [min, max]. */
public record Replicas(String name, String series, String workload, double min, double max, Window window) implements Expectation {

    @Override
    public Verdict evaluate(Evidence evidence) {
        Verdict low = new SeriesBound(name, "replicas", series, "ready replicas of " + workload, false, min, window).evaluate(evidence);
        if (!low.passed()) {
            return low;
        }
        Verdict high = new SeriesBound(name, "replicas", series, "ready replicas of " + workload, true, max, window).evaluate(evidence);
        if (!high.passed()) {
            return high;
        }
        return new Verdict(name, "replicas", true, "ready replicas of " + workload + " stayed within [" + SeriesBound.fmt(min) + ", "
                + SeriesBound.fmt(max) + "] over " + window.describe(), null, null);
    }

    /** The expectation type. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "replicas";
        }

        @Override
        public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
            if (!(value instanceof Map<?, ?> m) || m.get("workload") == null || !(m.get("between") instanceof List<?> b) || b.size() != 2) {
                ctx.error(path, "replicas needs workload and between: [min, max]", "e.g. replicas: {workload: shop/api, between: [2, 5], by: 10m}");
                return null;
            }
            var w = ctx.workload(m.get("workload"), path + ".workload");
            Double lo = ctx.number(b.get(0), path + ".between[0]", 0);
            Double hi = ctx.number(b.get(1), path + ".between[1]", 0);
            Duration by = m.get("by") == null ? Duration.ZERO : ctx.time(m.get("by"), path + ".by");
            if (w.isEmpty() || lo == null || hi == null || by == null) {
                return null;
            }
            if (lo > hi) {
                ctx.error(path + ".between", "min " + lo + " is above max " + hi, "write [min, max]");
                return null;
            }
            Window from = new Window(Math.max(window.fromMillis(), by.toMillis()), window.toMillis());
            return new Replicas(name != null ? name : w.get().id() + " has " + lo.intValue() + "-" + hi.intValue() + " ready replicas"
                    + (by.isZero() ? "" : " by " + GoDurations.format(by)),
                    "workload[" + w.get().id() + "].ready", w.get().id(), lo, hi, from);
        }
    }
}
