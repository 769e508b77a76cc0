package dev.sandtable.scheduler.framework;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The scheduler's node list for a cycle, with the cluster-wide summaries kube-scheduler's Snapshot keeps
 * (v1.31: ImageStates' node counts, HavePodsWithAffinityList, HavePodsWithRequiredAntiAffinityList), so plugins
 * can skip per-node work when nothing in the cluster needs it. The same instance is returned while the node set
 * is unchanged; the summaries are live.
 */
public final class NodeSnapshot extends AbstractList<NodeInfo> implements RandomAccess {
    private final List<NodeInfo> nodes;
    private final Summary summary;

    /** What the cache keeps current as pods and nodes come and go. */
    public interface Summary {
        /** For each image reported by a node, how many nodes have it. */
        Map<String, Integer> imageNodeCounts();

        int podsWithAffinity();

        int podsWithRequiredAntiAffinity();

        /** How many node changes (pods added or removed, node updated) the cache has seen. */
        long changes();

        /** The nodes changed since the given count of changes, oldest first (a node may appear more than once). */
        List<NodeInfo> changedSince(long changes);

        /** The pods on the snapshot's nodes indexed by namespace and label, or null when not kept. */
        default PlacedPods placedPods() {
            return null;
        }
    }

    public NodeSnapshot(List<NodeInfo> nodes, Summary summary) {
        this.nodes = nodes;
        this.summary = summary;
    }

    public Summary summary() {
        return summary;
    }

    @Override
    public NodeInfo get(int index) {
        return nodes.get(index);
    }

    @Override
    public int size() {
        return nodes.size();
    }
}
