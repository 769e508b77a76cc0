package dev.sandtable.scheduler;

import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.NodeSnapshot;
import dev.sandtable.scheduler.framework.PlacedPods;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's node snapshot (kube-scheduler v1.31 internal/cache): NodeInfos kept current from
 * watch events, listed in the zone-interleaved order of the upstream node tree.
 */
final class SchedulerCache implements NodeSnapshot.Summary {
    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final String REGION_LABEL = "topology.kubernetes.io/region";

    private final Map<String, NodeInfo> nodes = new HashMap<>();
    private final Map<String, List<String>> zones = new LinkedHashMap<>();
    private final Map<String, String> podNode = new HashMap<>();
    private NodeSnapshot ordered;
    private final Map<String, Integer> imageNodeCounts = new HashMap<>();
    private int podsWithAffinity;
    // Every change to a node, in order, so indexes can catch up on just the nodes that changed.
    private final List<NodeInfo> journal = new ArrayList<>();
    private final PlacedPods placedPods = new PlacedPods();

    @Override
    public PlacedPods placedPods() {
        return placedPods;
    }

    @Override
    public long changes() {
        return journal.size();
    }

    @Override
    public List<NodeInfo> changedSince(long changes) {
        return journal.subList((int) changes, journal.size());
    }
    private int podsWithRequiredAntiAffinity;

    @Override
    public Map<String, Integer> imageNodeCounts() {
        return imageNodeCounts;
    }

    @Override
    public int podsWithAffinity() {
        return podsWithAffinity;
    }

    @Override
    public int podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    private void countImages(NodeInfo info, int sign) {
        for (String image : info.imageSizes().keySet()) {
            imageNodeCounts.merge(image, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private void countPod(PodInfo p, int sign) {
        if (p.hasPodAffinityOrAntiAffinity()) {
            podsWithAffinity += sign;
        }
        if (p.hasRequiredAntiAffinity()) {
            podsWithRequiredAntiAffinity += sign;
        }
    }

    void upsertNode(Node node) {
        String name = node.getMetadata().getName();
        NodeInfo info = nodes.get(name);
        if (info == null) {
            info = new NodeInfo(node);
            nodes.put(name, info);
            zones.computeIfAbsent(zoneKey(node), z -> new ArrayList<>()).add(name);
            ordered = null;
        } else {
            countImages(info, -1);
            info.setNode(node);
        }
        countImages(info, 1);
        journal.add(info);
    }

    void removeNode(String name) {
        NodeInfo info = nodes.remove(name);
        if (info != null) {
            zones.get(zoneKey(info.node())).remove(name);
            countImages(info, -1);
            for (PodInfo p : info.pods()) {
                countPod(p, -1);
                placedPods.remove(p.pod().getMetadata().getUid());
            }
            ordered = null;
        }
    }

    void assignPod(String uid, String nodeName, PodInfo pod) {
        String previous = podNode.get(uid);
        if (nodeName.equals(previous)) {
            return;
        }
        if (previous != null) {
            forgetPod(uid);
        }
        NodeInfo info = nodes.get(nodeName);
        if (info != null) {
            info.addPod(uid, pod);
            placedPods.add(uid, pod, info);
            podNode.put(uid, nodeName);
            countPod(pod, 1);
            journal.add(info);
        }
    }

    boolean forgetPod(String uid) {
        String nodeName = podNode.remove(uid);
        if (nodeName == null) {
            return false;
        }
        NodeInfo info = nodes.get(nodeName);
        if (info != null) {
            for (PodInfo p : info.pods()) {
                if (uid.equals(p.pod().getMetadata().getUid())) {
                    countPod(p, -1);
                    break;
                }
            }
            info.removePod(uid);
            placedPods.remove(uid);
            journal.add(info);
        }
        return true;
    }

    boolean knowsPod(String uid) {
        return podNode.containsKey(uid);
    }

    NodeInfo node(String name) {
        return nodes.get(name);
    }

    /** Nodes taken round-robin across zones, each zone in the order its nodes were added. */
    NodeSnapshot nodeList() {
        if (ordered == null) {
            List<NodeInfo> out = new ArrayList<>(nodes.size());
            List<List<String>> lists = new ArrayList<>(zones.values());
            for (int i = 0; out.size() < nodes.size(); i++) {
                for (List<String> zone : lists) {
                    if (i < zone.size()) {
                        out.add(nodes.get(zone.get(i)));
                    }
                }
            }
            for (int i = 0; i < out.size(); i++) {
                out.get(i).setPosition(i);
            }
            ordered = new NodeSnapshot(out, this);
        }
        return ordered;
    }

    private static String zoneKey(Node node) {
        Map<String, String> l = node.getMetadata().getLabels();
        if (l == null) {
            return ":";
        }
        return l.getOrDefault(REGION_LABEL, "") + ":" + l.getOrDefault(ZONE_LABEL, "");
    }
}
