package dev.sandtable.scheduler.framework;

import dev.sandtable.api.Resources;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler's aggregated view of one node (kube-scheduler v1.31 framework.NodeInfo):
 * allocatable, the sum of requests of the pods assigned to it, and their host ports.
 */
public final class NodeInfo {
    private Node node;
    private Resources allocatable;
    // Read on every filter call, so kept from the Node object rather than looked up each time.
    private Map<String, String> labels;
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private String zone;
    private String hostname;
    private List<Taint> taints;
    private boolean unschedulable;
    private long requestedCpu;
    private long requestedMemory;
    private long requestedEphemeral;
    private final Map<String, Long> requestedScalars = new HashMap<>();
    private long nonZeroCpu;
    private long nonZeroMemory;
    private final Map<String, PodInfo> pods = new LinkedHashMap<>();
    private final List<PodInfo.HostPort> usedPorts = new ArrayList<>();

    public NodeInfo(Node node) {
        setNode(node);
    }

    public void setNode(Node node) {
        this.node = node;
        generation++;
        this.allocatable = node.getStatus() == null ? Resources.ZERO : Resources.of(node.getStatus().getAllocatable());
        Map<String, String> l = node.getMetadata().getLabels();
        this.labels = l == null ? Map.of() : l;
        this.zone = this.labels.get(ZONE);
        this.hostname = this.labels.get(HOSTNAME);
        List<Taint> t = node.getSpec() == null ? null : node.getSpec().getTaints();
        this.taints = t == null ? List.of() : List.copyOf(t);
        this.unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    }

    private int position = -1;

    /** Where the node stands in the scheduler's current node list, so per-node indexes can use arrays. */
    public int position() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.getMetadata().getName();
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** A label's value, or null; the usual topology keys are answered from fields, as spreading asks for them per node. */
    public String label(String key) {
        if (ZONE.equals(key)) {
            return zone;
        }
        if (HOSTNAME.equals(key)) {
            return hostname;
        }
        return labels.get(key);
    }

    public List<Taint> taints() {
        return taints;
    }

    public boolean unschedulable() {
        return unschedulable;
    }

    public Resources allocatable() {
        return allocatable;
    }

    public long requestedCpu() {
        return requestedCpu;
    }

    public long requestedMemory() {
        return requestedMemory;
    }

    public long requestedEphemeral() {
        return requestedEphemeral;
    }

    public long requestedScalar(String name) {
        return requestedScalars.getOrDefault(name, 0L);
    }

    public long nonZeroCpu() {
        return nonZeroCpu;
    }

    public long nonZeroMemory() {
        return nonZeroMemory;
    }

    public int podCount() {
        return pods.size();
    }

    public List<PodInfo.HostPort> usedPorts() {
        return usedPorts;
    }

    public Iterable<PodInfo> pods() {
        return pods.values();
    }

    /** A copy of this node without the given pods, for preemption's what-if evaluation. */
    public NodeInfo without(Set<String> uids) {
        NodeInfo copy = new NodeInfo(node);
        pods.forEach((uid, p) -> {
            if (!uids.contains(uid)) {
                copy.addPod(uid, p);
            }
        });
        return copy;
    }

    public void addPod(String uid, PodInfo p) {
        if (pods.put(uid, p) != null) {
            return;
        }
        generation++;
        apply(p, 1);
        usedPorts.addAll(p.hostPorts());
        if (p.hasPodAffinityOrAntiAffinity()) {
            podsWithAffinity.put(uid, p);
        }
        if (p.hasRequiredAntiAffinity()) {
            podsWithRequiredAntiAffinity.put(uid, p);
        }
    }

    public void removePod(String uid) {
        PodInfo p = pods.remove(uid);
        podsWithAffinity.remove(uid);
        podsWithRequiredAntiAffinity.remove(uid);
        if (p != null) {
            generation++;
            apply(p, -1);
            for (PodInfo.HostPort hp : p.hostPorts()) {
                usedPorts.remove(hp);
            }
        }
    }

    // The subsets of pods with pod (anti-)affinity and with required anti-affinity (framework.NodeInfo's
    // PodsWithAffinity and PodsWithRequiredAntiAffinity), kept by uid so removal is O(1).
    private final Map<String, PodInfo> podsWithAffinity = new LinkedHashMap<>();
    private final Map<String, PodInfo> podsWithRequiredAntiAffinity = new LinkedHashMap<>();
    // Image name to size from node.status.images (NodeInfo.ImageStates), computed for the current Node object and
    // published as one value, as scoring may ask for it from several threads.
    private record ImageSizes(Node of, Map<String, Long> sizes) {
    }

    private volatile ImageSizes imageSizes = new ImageSizes(null, Map.of());

    /** Pods on this node that have a podAffinity or podAntiAffinity stanza. */
    public Collection<PodInfo> podsWithAffinity() {
        return podsWithAffinity.values();
    }

    /** Pods on this node with at least one required anti-affinity term. */
    public Collection<PodInfo> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity.values();
    }

    /** Every name in node.status.images mapped to that image's sizeBytes; empty when the node reports no images. */
    public Map<String, Long> imageSizes() {
        ImageSizes cached = imageSizes;
        if (cached.of() != node) {
            Map<String, Long> sizes = new HashMap<>();
            if (node.getStatus() != null && node.getStatus().getImages() != null) {
                for (ContainerImage image : node.getStatus().getImages()) {
                    if (image.getNames() == null) {
                        continue;
                    }
                    long size = image.getSizeBytes() == null ? 0 : image.getSizeBytes();
                    for (String name : image.getNames()) {
                        sizes.put(name, size);
                    }
                }
            }
            cached = new ImageSizes(node, sizes.isEmpty() ? Map.of() : sizes);
            imageSizes = cached;
        }
        return cached.sizes();
    }

    // Bumped whenever the node object or the set of pods changes (framework.NodeInfo.Generation), so
    // plugins may keep per-node aggregates across cycles and recompute only what changed.
    private long generation;

    /** Changes whenever setNode, addPod or removePod changes this NodeInfo. */
    public long generation() {
        return generation;
    }

    private void apply(PodInfo p, int sign) {
        Resources r = p.requests();
        requestedCpu += sign * r.cpuMillis();
        requestedMemory += sign * r.memoryBytes();
        requestedEphemeral += sign * r.ephemeralStorageBytes();
        r.scalars().forEach((k, v) -> requestedScalars.merge(k, sign * v, Long::sum));
        nonZeroCpu += sign * p.nonZeroCpu();
        nonZeroMemory += sign * p.nonZeroMemory();
    }
}
