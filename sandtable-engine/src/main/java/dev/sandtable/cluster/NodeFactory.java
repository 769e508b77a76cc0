package dev.sandtable.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Node object a provider's node bootstrap would register for a pool member: name,
 * well-known and provider labels, taints, capacity and allocatable, Ready condition and addresses.
 */
public final class NodeFactory {
    public static final String POOL_LABEL = "sandtable.dev/nodepool";
    public static final String KUBELET_VERSION = "v1.31.0";

    private NodeFactory() {
    }

    /** The provider's node name for the index-th member of a pool. */
    public static String nodeName(ResolvedNodePool pool, int index, int clusterIndex) {
        int hash = Math.floorMod(pool.name().hashCode(), 100_000_000);
        return switch (pool.provider()) {
            case AKS -> "aks-%s-%08d-vmss%06d".formatted(pool.name(), hash, index);
            case EKS -> "ip-" + internalIp(clusterIndex).replace('.', '-') + "." + pool.region() + ".compute.internal";
            case GKE -> "gke-sandtable-%s-%08x-%04d".formatted(pool.name(), hash, index);
            case NONE -> pool.name() + "-" + index;
        };
    }

    /**
     * Nodes take addresses from 10.240.0.0/16 and pod CIDRs of one /24 each, in creation order: 10.244.0.0/24 up to
     * 10.255.255.0/24 for the first 3,072 nodes, then from 100.64.0.0/10, so large clusters keep valid addresses.
     */
    public static String internalIp(int clusterIndex) {
        int host = clusterIndex + 4;
        return "10.240." + (host / 256) + "." + (host % 256);
    }

    public static String podCidr(int clusterIndex) {
        if (clusterIndex < 12 * 256) {
            return "10." + (244 + clusterIndex / 256) + "." + (clusterIndex % 256) + ".0/24";
        }
        int i = clusterIndex - 12 * 256;
        return "100." + (64 + i / 256) + "." + (i % 256) + ".0/24";
    }

    public static Node build(ResolvedNodePool pool, int index, int clusterIndex) {
        String name = nodeName(pool, index, clusterIndex);
        String zone = pool.zones().get(index % pool.zones().size());
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setLabels(labels(pool, name, zone));
        NodeSpec spec = new NodeSpec();
        spec.setTaints(new ArrayList<>(pool.taints()));
        spec.setPodCIDR(podCidr(clusterIndex));
        spec.setPodCIDRs(List.of(podCidr(clusterIndex)));
        NodeStatus status = new NodeStatus();
        status.setCapacity(quantities(pool.capacity()));
        status.setAllocatable(quantities(pool.allocatable()));
        NodeCondition ready = new NodeCondition();
        ready.setType("Ready");
        ready.setStatus("True");
        ready.setReason("KubeletReady");
        ready.setMessage("kubelet is posting ready status");
        status.setConditions(new ArrayList<>(List.of(ready)));
        status.setAddresses(List.of(new NodeAddress(internalIp(clusterIndex), "InternalIP"), new NodeAddress(name, "Hostname")));
        NodeSystemInfo info = new NodeSystemInfo();
        info.setArchitecture(pool.arch().label());
        info.setOperatingSystem("linux");
        info.setKubeletVersion(KUBELET_VERSION);
        info.setContainerRuntimeVersion("containerd://1.7.20");
        status.setNodeInfo(info);
        Node node = new Node();
        node.setApiVersion("v1");
        node.setKind("Node");
        node.setMetadata(meta);
        node.setSpec(spec);
        node.setStatus(status);
        return node;
    }

    private static Map<String, String> labels(ResolvedNodePool pool, String name, String zone) {
        Map<String, String> l = new LinkedHashMap<>();
        String type = pool.instanceType() == null ? "custom" : pool.instanceType();
        l.put("kubernetes.io/hostname", name);
        l.put("kubernetes.io/os", "linux");
        l.put("kubernetes.io/arch", pool.arch().label());
        l.put("beta.kubernetes.io/os", "linux");
        l.put("beta.kubernetes.io/arch", pool.arch().label());
        l.put("node.kubernetes.io/instance-type", type);
        l.put("topology.kubernetes.io/zone", zone);
        l.put("topology.kubernetes.io/region", pool.region());
        l.put(POOL_LABEL, pool.name());
        switch (pool.provider()) {
            case AKS -> {
                l.put("agentpool", pool.name());
                l.put("kubernetes.azure.com/agentpool", pool.name());
                l.put("kubernetes.azure.com/mode", pool.mode() == ResolvedNodePool.Mode.SYSTEM ? "system" : "user");
                l.put("kubernetes.azure.com/role", "agent");
                if (pool.spot()) {
                    l.put("kubernetes.azure.com/scalesetpriority", "spot");
                }
            }
            case EKS -> {
                l.put("eks.amazonaws.com/nodegroup", pool.name());
                l.put("eks.amazonaws.com/capacityType", pool.spot() ? "SPOT" : "ON_DEMAND");
            }
            case GKE -> {
                l.put("cloud.google.com/gke-nodepool", pool.name());
                if (pool.spot()) {
                    l.put("cloud.google.com/gke-spot", "true");
                }
            }
            case NONE -> {
            }
        }
        l.putAll(pool.labels());
        return l;
    }

    private static Map<String, Quantity> quantities(NodeResources r) {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("cpu", new Quantity(r.cpuMillis() + "m"));
        m.put("memory", new Quantity(Long.toString(r.memoryBytes())));
        m.put("pods", new Quantity(Integer.toString(r.pods())));
        return m;
    }
}
