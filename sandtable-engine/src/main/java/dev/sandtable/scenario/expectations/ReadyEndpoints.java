package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Window;
import java.util.Map;

/** readyEndpoints: a Service keeps at least N ready endpoints at every sample of the window. */
public final class ReadyEndpoints implements ExpectationType {
    @Override
    public String key() {
        return "readyEndpoints";
    }

    @Override
    public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
        if (!(value instanceof Map<?, ?> m) || m.get("service") == null || m.get("atLeast") == null) {
            ctx.error(path, "readyEndpoints needs service and atLeast", "e.g. readyEndpoints: {service: shop/api, atLeast: 2}");
            return null;
        }
        var svc = ctx.service(m.get("service"), path + ".service");
        Double n = ctx.number(m.get("atLeast"), path + ".atLeast", 0);
        if (svc.isEmpty() || n == null) {
            return null;
        }
        String series = "service[" + svc.get() + "].endpoints";
        return new SeriesBound(name != null ? name : "Service " + svc.get() + " keeps at least " + n.intValue() + " ready endpoints",
                key(), series, "ready endpoints of " + svc.get(), false, n, window);
    }
}
