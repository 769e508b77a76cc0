package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Recorder;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import dev.sandtable.sim.GoDurations;
import java.util.Locale;
import java.util.Map;

/**
 * availability: the share of a Service's (or workload's) demand that was served over the window is at least the
 * target. A failure names the sample where the most demand was dropped.
 */
public record Availability(String name, String key, double atLeast, Window window) implements Expectation {

    @Override
    public Verdict evaluate(Evidence evidence) {
        Recorder recorder = evidence.recorder();
        double[] load = recorder.values(key + ".load");
        double[] served = recorder.values(key + ".served");
        int[] r = recorder.range(window);
        double demand = 0, ok = 0, worstDrop = 0;
        int worst = -1;
        for (int i = r[0]; i < r[1]; i++) {
            demand += load[i];
            ok += served[i];
            if (load[i] - served[i] > worstDrop + 1e-9) {
                worstDrop = load[i] - served[i];
                worst = i;
            }
        }
        double availability = demand == 0 ? 1 : ok / demand;
        String pct = String.format(Locale.ROOT, "%.3f%%", availability * 100);
        String target = String.format(Locale.ROOT, "%.3f%%", atLeast * 100);
        if (availability + 1e-12 >= atLeast) {
            return new Verdict(name, "availability", true, key + " served " + pct + " of demand (target " + target + ")", null, null);
        }
        return new Verdict(name, "availability", false, key + " served " + pct + " of demand, below " + target
                + (worst >= 0 ? "; most dropped at " + GoDurations.clock(recorder.offsetOf(worst)) + ": " + SeriesBound.fmt(worstDrop) + " req/s" : ""),
                worst >= 0 ? recorder.offsetOf(worst) : null, String.format(Locale.ROOT, "%.3f points", (atLeast - availability) * 100));
    }

    /** The expectation type. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "availability";
        }

        @Override
        public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
            if (!(value instanceof Map<?, ?> m) || m.get("atLeast") == null || (m.get("service") == null) == (m.get("workload") == null)) {
                ctx.error(path, "availability needs atLeast and one of service or workload", "e.g. availability: {service: shop/web, atLeast: 99.5%}");
                return null;
            }
            String key = m.get("service") != null
                    ? ctx.service(m.get("service"), path + ".service").map(s -> "service[" + s + "]").orElse(null)
                    : ctx.workload(m.get("workload"), path + ".workload").map(w -> "workload[" + w.id() + "]").orElse(null);
            Double p = ctx.percent(m.get("atLeast"), path + ".atLeast");
            if (key == null || p == null) {
                return null;
            }
            return new Availability(name != null ? name : key + " availability at least " + m.get("atLeast"), key, p, window);
        }
    }
}
