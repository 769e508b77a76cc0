package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.ScenarioRuntime;
import java.util.Map;

/** setLoad: from now on, a Service's or workload's demand is this many requests per second. */
public record SetLoadEvent(String seriesKey, double rps) implements ScenarioEvent {

    @Override
    public void apply(ScenarioRuntime runtime) {
        runtime.load().overrideDemand(seriesKey, runtime.offsetMillis(), rps);
        runtime.log(describe());
    }

    @Override
    public String describe() {
        return "set load of " + seriesKey + " to " + rps + " req/s";
    }

    /** The setLoad event type. */
    public static final class Type implements EventType {
        @Override
        public String key() {
            return "setLoad";
        }

        @Override
        public ScenarioEvent parse(Object value, ParseContext ctx, String path) {
            if (!(value instanceof Map<?, ?> m) || m.get("rps") == null || (m.get("service") == null) == (m.get("workload") == null)) {
                ctx.error(path, "setLoad needs rps and one of service or workload", "e.g. setLoad: {service: shop/web, rps: 500}");
                return null;
            }
            Double rps = ctx.number(m.get("rps"), path + ".rps", 0);
            String key = null;
            if (m.get("service") != null) {
                key = ctx.service(m.get("service"), path + ".service").map(s -> "service[" + s + "]").orElse(null);
            } else {
                key = ctx.workload(m.get("workload"), path + ".workload").map(w -> "workload[" + w.id() + "]").orElse(null);
            }
            return rps != null && key != null ? new SetLoadEvent(key, rps) : null;
        }
    }
}
