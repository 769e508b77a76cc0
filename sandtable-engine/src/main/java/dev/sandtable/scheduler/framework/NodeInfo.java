package dev.sandtable.scheduler.framework;

import dev.sandtable.api.Resources;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's aggregated view of one node (kube-scheduler v1.31 framework.NodeInfo):
 * allocatable, the sum of requests of the pods assigned to it, and their host ports.
 */
public final class NodeInfo {
    private Node node;
    private Resources allocatable;
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
        this.allocatable = node.getStatus() == null ? Resources.ZERO : Resources.of(node.getStatus().getAllocatable());
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.getMetadata().getName();
    }

    public Map<String, String> labels() {
        Map<String, String> l = node.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    public List<Taint> taints() {
        List<Taint> t = node.getSpec() == null ? null : node.getSpec().getTaints();
        return t == null ? List.of() : t;
    }

    public boolean unschedulable() {
        return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
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

    public void addPod(String uid, PodInfo p) {
        if (pods.put(uid, p) != null) {
            return;
        }
        apply(p, 1);
        usedPorts.addAll(p.hostPorts());
    }

    public void removePod(String uid) {
        PodInfo p = pods.remove(uid);
        if (p != null) {
            apply(p, -1);
            for (PodInfo.HostPort hp : p.hostPorts()) {
                usedPorts.remove(hp);
            }
        }
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
