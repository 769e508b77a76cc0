package dev.sandtable.scheduler.framework;

import dev.sandtable.api.NodeAffinityMatcher;
import dev.sandtable.api.PodRequests;
import dev.sandtable.api.Resources;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scheduler needs of a pod, computed once per pod as kube-scheduler's framework.PodInfo
 * (v1.31) does: effective requests, the non-zero requests used for scoring, and host ports.
 */
public final class PodInfo {
    /** Defaults used for scoring containers that request nothing (schedutil DefaultMilliCPURequest/DefaultMemoryRequest). */
    public static final long DEFAULT_MILLI_CPU_REQUEST = PodRequests.DEFAULT_MILLI_CPU_REQUEST;
    public static final long DEFAULT_MEMORY_REQUEST = PodRequests.DEFAULT_MEMORY_REQUEST;

    private final Pod pod;
    private final Resources requests;
    private final long nonZeroCpu;
    private final long nonZeroMemory;
    private final List<HostPort> hostPorts;

    public PodInfo(Pod pod) {
        this.pod = pod;
        PodSpec spec = pod.getSpec();
        this.requests = PodRequests.of(spec);
        Resources nonZero = PodRequests.nonZero(spec);
        this.nonZeroCpu = nonZero.cpuMillis();
        this.nonZeroMemory = nonZero.memoryBytes();
        List<HostPort> ports = new ArrayList<>();
        for (Container c : spec.getContainers()) {
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getHostPort() != null && p.getHostPort() > 0) {
                        ports.add(HostPort.of(p));
                    }
                }
            }
        }
        this.hostPorts = List.copyOf(ports);
    }

    // Volatile: filters run on several threads, and the first to ask compiles it.
    private volatile NodeAffinityMatcher nodeAffinity;

    /** The pod's nodeSelector and required node affinity, compiled on first use. */
    public NodeAffinityMatcher nodeAffinity() {
        NodeAffinityMatcher m = nodeAffinity;
        if (m == null) {
            m = NodeAffinityMatcher.of(pod.getSpec());
            nodeAffinity = m;
        }
        return m;
    }

    public Pod pod() {
        return pod;
    }

    public PodSpec spec() {
        return pod.getSpec();
    }

    public Resources requests() {
        return requests;
    }

    public long nonZeroCpu() {
        return nonZeroCpu;
    }

    public long nonZeroMemory() {
        return nonZeroMemory;
    }

    public List<HostPort> hostPorts() {
        return hostPorts;
    }

    public String key() {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    public int priority() {
        Integer p = pod.getSpec().getPriority();
        return p == null ? 0 : p;
    }

    // Inter-pod affinity terms, parsed on first use and kept (framework.PodInfo's Required/Preferred(Anti)AffinityTerms).
    private volatile AffinityTerm.PodTerms affinityTerms;

    /** The pod's parsed (anti-)affinity terms; lists whose selectors do not parse are empty, see parseError(). */
    public AffinityTerm.PodTerms affinityTerms() {
        AffinityTerm.PodTerms t = affinityTerms;
        if (t == null) {
            t = AffinityTerm.PodTerms.of(pod);
            affinityTerms = t;
        }
        return t;
    }

    /** NodeInfo's podWithAffinity: the pod has a podAffinity or podAntiAffinity stanza. */
    public boolean hasPodAffinityOrAntiAffinity() {
        Affinity a = pod.getSpec().getAffinity();
        return a != null && (a.getPodAffinity() != null || a.getPodAntiAffinity() != null);
    }

    /** NodeInfo's podWithRequiredAntiAffinity: the pod has at least one required anti-affinity term. */
    public boolean hasRequiredAntiAffinity() {
        Affinity a = pod.getSpec().getAffinity();
        return a != null && a.getPodAntiAffinity() != null
                && a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null
                && !a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().isEmpty();
    }

    /** A host port claim: protocol, host IP (0.0.0.0 when unset) and port. */
    public record HostPort(String protocol, String ip, int port) {
        static HostPort of(ContainerPort p) {
            String ip = p.getHostIP() == null || p.getHostIP().isEmpty() ? "0.0.0.0" : p.getHostIP();
            String proto = p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
            return new HostPort(proto, ip, p.getHostPort());
        }

        /** Two claims conflict on the same protocol and port when either is the wildcard address or both name the same one. */
        public boolean conflicts(HostPort o) {
            return port == o.port && protocol.equals(o.protocol)
                    && (ip.equals(o.ip) || "0.0.0.0".equals(ip) || "0.0.0.0".equals(o.ip));
        }
    }
}
