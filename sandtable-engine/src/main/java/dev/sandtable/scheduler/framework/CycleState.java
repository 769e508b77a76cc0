package dev.sandtable.scheduler.framework;

import java.util.HashMap;
import java.util.Map;

/**
 * Data one scheduling cycle shares between a plugin's extension points (framework.CycleState, kube-scheduler
 * v1.31): PreFilter/PreScore compute once, Filter/Score read per node; also records which plugins skipped.
 */
public final class CycleState {
    private final Map<String, Object> data = new HashMap<>();
    private final boolean[] skipFilter;
    private final boolean[] skipScore;

    /** A state for a profile with the given numbers of filter and score plugins. */
    public CycleState(int filters, int scores) {
        this.skipFilter = new boolean[filters];
        this.skipScore = new boolean[scores];
    }

    public CycleState() {
        this(0, 0);
    }

    public void write(String key, Object value) {
        data.put(key, value);
    }

    public <T> T read(String key, Class<T> type) {
        return type.cast(data.get(key));
    }

    void skipFilter(int index) {
        skipFilter[index] = true;
    }

    boolean filterSkipped(int index) {
        return skipFilter[index];
    }

    void skipScore(int index) {
        skipScore[index] = true;
    }

    boolean scoreSkipped(int index) {
        return skipScore[index];
    }
}
