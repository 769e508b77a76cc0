package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ParseContext;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A kind of scenario event, found through ServiceLoader (META-INF/services), so later components add theirs
 * (node failures, drains, rollouts) without changing the scenario core.
 */
public interface EventType {
    /** The key users write, e.g. "scale". */
    String key();

    /** Reads the event's value; records problems in the context and returns null when it cannot be used. */
    ScenarioEvent parse(Object value, ParseContext ctx, String path);

    /** Every registered event type by key. */
    static Map<String, EventType> all() {
        Map<String, EventType> out = new TreeMap<>();
        ServiceLoader.load(EventType.class, EventType.class.getClassLoader()).forEach(t -> out.put(t.key(), t));
        return out;
    }
}
