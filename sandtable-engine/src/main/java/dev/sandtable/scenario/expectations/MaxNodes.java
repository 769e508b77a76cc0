package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Window;
import java.util.Map;

/** maxNodes: a node pool never has more than N nodes in the window. */
public final class MaxNodes implements ExpectationType {
    @Override
    public String key() {
        return "maxNodes";
    }

    @Override
    public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
        if (!(value instanceof Map<?, ?> m) || m.get("pool") == null || m.get("atMost") == null) {
            ctx.error(path, "maxNodes needs pool and atMost", "e.g. maxNodes: {pool: frontend-pool, atMost: 4}");
            return null;
        }
        String pool = String.valueOf(m.get("pool"));
        if (!ctx.hasPool(pool)) {
            ctx.error(path + ".pool", "unknown node pool \"" + pool + "\"", "use one of " + ctx.pools());
            return null;
        }
        Double n = ctx.number(m.get("atMost"), path + ".atMost", 0);
        return n == null ? null : new SeriesBound(name != null ? name : "pool " + pool + " has at most " + n.intValue() + " nodes",
                key(), "pool[" + pool + "].nodes", "nodes of pool " + pool, true, n, window);
    }
}
