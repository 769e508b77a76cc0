package dev.sandtable.autoscaler.simulator;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster autoscaler's view of nodes and scheduled pods (cluster-autoscaler 1.31 simulator/clustersnapshot), kept
 * current from watch events as its informers would, with forks for what-if simulations that never touch the live view.
 */
public final class ClusterSnapshot {
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Map<String, String> podNode = new HashMap<>();
    private List<NodeInfo> list;

    public ClusterSnapshot(ObjectStore store) {
        store.watch(Node.class, this::onNode);
        store.watch(Pod.class, this::onPod);
    }

    private void onNode(WatchEvent<Node> e) {
        String name = e.object().getMetadata().getName();
        if (e.type() == WatchEvent.Type.DELETED) {
            NodeInfo gone = nodes.remove(name);
            if (gone != null) {
                for (PodInfo p : gone.pods()) {
                    podNode.remove(p.pod().getMetadata().getUid());
                }
            }
            list = null;
            return;
        }
        NodeInfo info = nodes.get(name);
        if (info == null) {
            nodes.put(name, new NodeInfo(e.object()));
            list = null;
        } else {
            info.setNode(e.object());
        }
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod pod = e.object();
        String uid = pod.getMetadata().getUid();
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean gone = e.type() == WatchEvent.Type.DELETED || "Succeeded".equals(phase) || "Failed".equals(phase);
        String node = pod.getSpec().getNodeName();
        String previous = podNode.get(uid);
        if (gone || node == null || node.isEmpty()) {
            if (previous != null) {
                podNode.remove(uid);
                NodeInfo ni = nodes.get(previous);
                if (ni != null) {
                    ni.removePod(uid);
                }
            }
            return;
        }
        if (node.equals(previous)) {
            return;
        }
        NodeInfo ni = nodes.get(node);
        if (ni != null) {
            ni.addPod(uid, new PodInfo(pod));
            podNode.put(uid, node);
        }
    }

    /** Nodes in registration order; the same list while the node set is unchanged. */
    public List<NodeInfo> nodes() {
        if (list == null) {
            list = List.copyOf(nodes.values());
        }
        return list;
    }

    public NodeInfo node(String name) {
        return nodes.get(name);
    }

    public Fork fork() {
        return new Fork(nodes());
    }

    /** A copy-on-write what-if: nodes added or removed and pods placed here are seen only through the fork. */
    public static final class Fork {
        private final List<NodeInfo> list;
        private final Map<String, Integer> index = new HashMap<>();
        private final java.util.Set<String> copied = new java.util.HashSet<>();

        Fork(List<NodeInfo> base) {
            this.list = new ArrayList<>(base);
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i).name(), i);
            }
        }

        public List<NodeInfo> nodes() {
            return list;
        }

        /** A fork of this fork; nodes copied here stay shared until either side writes them again. */
        public Fork copy() {
            Fork f = new Fork(list);
            return f;
        }

        public NodeInfo node(String name) {
            Integer i = index.get(name);
            return i == null ? null : list.get(i);
        }

        public void addNode(NodeInfo node) {
            index.put(node.name(), list.size());
            list.add(node);
            copied.add(node.name());
        }

        public void removeNode(String name) {
            Integer i = index.remove(name);
            if (i == null) {
                return;
            }
            list.remove((int) i);
            for (int j = i; j < list.size(); j++) {
                index.put(list.get(j).name(), j);
            }
        }

        public void addPod(String nodeName, PodInfo pod) {
            writable(nodeName).addPod(pod.pod().getMetadata().getUid(), pod);
        }

        private NodeInfo writable(String name) {
            int i = index.get(name);
            if (copied.add(name)) {
                list.set(i, list.get(i).without(java.util.Set.of()));
            }
            return list.get(i);
        }
    }
}
