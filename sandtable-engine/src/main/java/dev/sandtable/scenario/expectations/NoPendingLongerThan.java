package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.PendingTracker;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import dev.sandtable.scenario.WorkloadRef;
import dev.sandtable.sim.GoDurations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** noPendingLongerThan: no pod that starts waiting within the window waits for a node longer than the limit. */
public record NoPendingLongerThan(String name, Duration limit, String namespace, String podPrefix, Window window) implements Expectation {

    @Override
    public Verdict evaluate(Evidence evidence) {
        PendingTracker pending = evidence.pending();
        long endMillis = evidence.endMillis();
        PendingTracker.Wait worst = null;
        int over = 0;
        for (PendingTracker.Wait w : pending.waits(endMillis)) {
            if (window.contains(w.fromMillis()) && w.millis() > limit.toMillis() && selected(w.pod())) {
                over++;
                if (worst == null || w.millis() > worst.millis()) {
                    worst = w;
                }
            }
        }
        if (worst == null) {
            return new Verdict(name, "noPendingLongerThan", true, "no pod waited longer than " + GoDurations.format(limit), null, null);
        }
        String waited = GoDurations.format(Duration.ofMillis(worst.millis())) + (worst.ongoing() ? " (still pending at the end)" : "");
        return new Verdict(name, "noPendingLongerThan", false, over + " pod(s) waited longer than " + GoDurations.format(limit) + "; "
                + worst.pod() + " waited " + waited + " from " + GoDurations.clock(worst.fromMillis()),
                worst.fromMillis() + limit.toMillis(), GoDurations.format(Duration.ofMillis(worst.millis() - limit.toMillis())));
    }

    private boolean selected(String pod) {
        return (namespace == null || pod.startsWith(namespace + "/")) && (podPrefix == null || pod.startsWith(podPrefix));
    }

    /** The expectation type. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "noPendingLongerThan";
        }

        @Override
        public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
            Map<?, ?> m = value instanceof Map<?, ?> map ? map : Map.of();
            Duration d = ctx.duration(value instanceof Map<?, ?> ? m.get("duration") : value, path + (value instanceof Map<?, ?> ? ".duration" : ""));
            String namespace = m.get("namespace") == null ? null : String.valueOf(m.get("namespace"));
            var workload = m.get("workload") == null ? Optional.<WorkloadRef>empty() : ctx.workload(m.get("workload"), path + ".workload");
            if (d == null || m.get("workload") != null && workload.isEmpty()) {
                return null;
            }
            // Pods of a workload carry its name as their name's prefix (name-hash-suffix, name-ordinal, name-suffix).
            String prefix = workload.map(w -> w.namespace() + "/" + w.name() + "-").orElse(null);
            String scope = workload.map(w -> " of " + w.id()).orElse(namespace == null ? "" : " in " + namespace);
            return new NoPendingLongerThan(name != null ? name : "no pod" + scope + " pending longer than " + GoDurations.format(d), d, namespace, prefix, window);
        }
    }
}
