package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Window;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** A kind of expectation, found through ServiceLoader so later components add theirs without changing the core. */
public interface ExpectationType {
    String key();

    /** Reads the expectation; records problems in the context and returns null when it cannot be used. */
    Expectation parse(Object value, String name, Window window, ParseContext ctx, String path);

    static Map<String, ExpectationType> all() {
        Map<String, ExpectationType> out = new TreeMap<>();
        ServiceLoader.load(ExpectationType.class, ExpectationType.class.getClassLoader()).forEach(t -> out.put(t.key(), t));
        return out;
    }
}
