package dev.sandtable.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Data one scheduling cycle shares between a plugin's extension points (framework.CycleState, kube-scheduler
 * v1.31): PreFilter/PreScore compute once, Filter/Score read per node; also records which plugins skipped.
 */
public final class CycleState {
    private final Map<String, Object> data = new HashMap<>();
    private final Set<String> skipFilter = new HashSet<>();
    private final Set<String> skipScore = new HashSet<>();

    public void write(String key, Object value) {
        data.put(key, value);
    }

    public <T> T read(String key, Class<T> type) {
        return type.cast(data.get(key));
    }

    void skipFilter(String plugin) {
        skipFilter.add(plugin);
    }

    boolean filterSkipped(String plugin) {
        return skipFilter.contains(plugin);
    }

    void skipScore(String plugin) {
        skipScore.add(plugin);
    }

    boolean scoreSkipped(String plugin) {
        return skipScore.contains(plugin);
    }
}
