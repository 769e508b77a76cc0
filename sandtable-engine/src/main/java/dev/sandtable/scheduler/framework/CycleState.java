package dev.sandtable.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    private Set<String> nodeNames;
    private final TreeSet<String> narrowingPlugins = new TreeSet<>();

    /** A PreFilterResult: the plugin knows the pod can only run on these nodes; results of several plugins intersect. */
    public void restrictToNodes(String plugin, Set<String> names) {
        narrowingPlugins.add(plugin);
        if (nodeNames == null) {
            nodeNames = new HashSet<>(names);
        } else {
            nodeNames.retainAll(names);
        }
    }

    /** The nodes PreFilter narrowed scheduling to, or null for all nodes. */
    Set<String> nodeNames() {
        return nodeNames;
    }

    /** The status upstream gives the nodes a PreFilterResult left out. */
    Status outsidePreFilterResult() {
        return Status.unresolvable(narrowingPlugins.first(), "node(s) didn't satisfy plugin(s) " + narrowingPlugins.toString().replace(",", ""));
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
