package dev.sandtable.network;

import dev.sandtable.api.Ip;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What NetworkPolicy enforcement sees of a settled cluster, frozen: running pods with their IPs, labels and
 * container ports; namespaces with their labels (kubernetes.io/metadata.name always set, as kube-apiserver 1.31
 * does); Services; NetworkPolicies; and two stand-ins: the world (an address outside every cluster range) and,
 * when the manifests have no cluster DNS pods, a synthetic CoreDNS endpoint.
 */
public final class NetworkSnapshot {
    /** The label kube-apiserver puts on every namespace, with the namespace's name as value. */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    /** The name of the external endpoint that stands for the internet. */
    public static final String WORLD = "world";
    /** The world's address: from TEST-NET-3 (RFC 5737), inside 0.0.0.0/0 and outside every private range. */
    public static final String WORLD_IP = "203.0.113.10";
    public static final String DNS_NAMESPACE = "kube-system";
    public static final String DNS_LABEL_KEY = "k8s-app";
    public static final String DNS_LABEL_VALUE = "kube-dns";
    /** The synthetic CoreDNS pod's address: in the pod range 10.244.0.0/16, on a /24 that node 255 would get. */
    public static final String SYNTHETIC_DNS_IP = "10.243.255.254";
    /** Where representative pods (workloads analysed from their pod template) take their addresses, one each in order. */
    public static final String REPRESENTATIVE_RANGE = "10.222.0.0/16";

    private final List<Endpoint> endpoints;
    private final Map<String, Map<String, String>> namespaces;
    private final List<ServiceInfo> services;
    private final List<Policy> policies;
    private final List<PendingPod> pending;
    private final List<String> notes;
    private final java.util.Set<WorkloadKey> fromTemplate;
    private final Map<PodRef, Integer> byRef = new HashMap<>();

    /** A pod that has no IP yet (not scheduled or not started): policies select it, but it has no traffic. */
    public record PendingPod(String namespace, String name, Map<String, String> labels, WorkloadKey workload) {
    }

    private NetworkSnapshot(List<Endpoint> endpoints, Map<String, Map<String, String>> namespaces, List<ServiceInfo> services,
                            List<Policy> policies, List<PendingPod> pending, List<String> notes, java.util.Set<WorkloadKey> fromTemplate) {
        this.endpoints = List.copyOf(endpoints);
        this.namespaces = Collections.unmodifiableMap(namespaces);
        this.services = List.copyOf(services);
        this.policies = List.copyOf(policies);
        this.pending = List.copyOf(pending);
        this.notes = List.copyOf(notes);
        this.fromTemplate = java.util.Set.copyOf(fromTemplate);
        for (Endpoint e : endpoints) {
            byRef.putIfAbsent(e.ref(), e.index());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Endpoint endpoint(int index) {
        return endpoints.get(index);
    }

    public int size() {
        return endpoints.size();
    }

    public Optional<Endpoint> find(PodRef ref) {
        Integer i = byRef.get(ref);
        return i == null ? Optional.empty() : Optional.of(endpoints.get(i));
    }

    /** The cluster DNS endpoints: pods of kube-system labelled k8s-app=kube-dns (the synthetic CoreDNS when the manifests have none). */
    public List<Integer> dns() {
        return endpoints.stream().filter(e -> isDns(e.namespace(), e.labels())).map(Endpoint::index).toList();
    }

    /** Whether a pod of that namespace with those labels serves the cluster DNS. */
    public static boolean isDns(String namespace, Map<String, String> labels) {
        return DNS_NAMESPACE.equals(namespace) && DNS_LABEL_VALUE.equals(labels.get(DNS_LABEL_KEY));
    }

    /** Namespace name to labels, sorted by name. */
    public Map<String, Map<String, String>> namespaces() {
        return namespaces;
    }

    public List<ServiceInfo> services() {
        return services;
    }

    public List<Policy> policies() {
        return policies;
    }

    public List<PendingPod> pending() {
        return pending;
    }

    /** What the snapshot assumed on the user's behalf (the synthetic DNS endpoint, representative pods). */
    public List<String> notes() {
        return notes;
    }

    /** The workloads that have no running pod and stand in the snapshot as one representative pod made from their template. */
    public java.util.Set<WorkloadKey> fromTemplate() {
        return fromTemplate;
    }

    /** Collects the cluster's parts; {@link #build()} adds the namespace name labels, the world and DNS. */
    public static final class Builder {
        private final Map<String, Map<String, String>> namespaces = new TreeMap<>();
        private final List<Endpoint> pods = new ArrayList<>();
        private final List<String[]> externals = new ArrayList<>();
        private final List<ServiceInfo> services = new ArrayList<>();
        private final List<Policy> policies = new ArrayList<>();
        private final List<PendingPod> pending = new ArrayList<>();
        private final java.util.Set<WorkloadKey> fromTemplate = new java.util.LinkedHashSet<>();
        private String representativeReason;
        private boolean syntheticDns = true;
        private boolean world = true;

        private Builder() {
        }

        public Builder namespace(String name, Map<String, String> labels) {
            namespaces.put(name, labels == null ? Map.of() : Map.copyOf(labels));
            return this;
        }

        /** A pod with its address; without one (null or empty) it is pending. An address that does not parse matches no ipBlock. */
        public Builder pod(String namespace, String name, Map<String, String> labels, String ip, List<ContainerPort> ports, WorkloadKey workload) {
            if (ip == null || ip.isEmpty()) {
                pending.add(new PendingPod(namespace, name, copy(labels), workload));
                return this;
            }
            pods.add(new Endpoint(-1, namespace, name, copy(labels), Ip.parse(ip), ip, List.copyOf(ports), workload, false));
            return this;
        }

        /** A pod object: running with an IP it becomes an endpoint, otherwise it is pending. */
        public Builder pod(Pod pod, WorkloadKey workload) {
            String ns = pod.getMetadata().getNamespace() == null ? "default" : pod.getMetadata().getNamespace();
            String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            return pod(ns, pod.getMetadata().getName(), pod.getMetadata().getLabels(), ip, containerPorts(pod), workload);
        }

        /**
         * A workload without a running pod, as one pod made from its template (labels and container ports) at the next
         * address of {@link #REPRESENTATIVE_RANGE}; why is the note's reason (no node exists, or its pods are pending).
         */
        public Builder representative(String namespace, String name, Map<String, String> labels, List<ContainerPort> ports, WorkloadKey workload,
                                      String why) {
            int host = fromTemplate.size() + 1;
            if (host > 0xFFFE || !fromTemplate.add(workload)) {
                return this;
            }
            String ip = "10.222." + (host >> 8) + "." + (host & 0xFF);
            pods.add(new Endpoint(-1, namespace, name, copy(labels), Ip.parse(ip), ip, List.copyOf(ports), workload, true));
            representativeReason = why;
            return this;
        }

        /** The same for a pod object that has no address: its labels and ports are its template's. */
        public Builder representative(Pod pod, WorkloadKey workload, String why) {
            String ns = pod.getMetadata().getNamespace() == null ? "default" : pod.getMetadata().getNamespace();
            return representative(ns, pod.getMetadata().getName(), pod.getMetadata().getLabels(), containerPorts(pod), workload, why);
        }

        /** An address outside the cluster, named for the command line and reports. */
        public Builder external(String name, String ip) {
            if (Ip.parse(ip) == null) {
                throw new IllegalArgumentException("not an IP address: " + ip);
            }
            externals.add(new String[] {name, ip});
            return this;
        }

        public Builder service(Service s) {
            List<ServiceInfo.Port> ports = new ArrayList<>();
            if (s.getSpec() != null && s.getSpec().getPorts() != null) {
                for (ServicePort p : s.getSpec().getPorts()) {
                    Protocol protocol = Protocol.ofApi(p.getProtocol());
                    IntOrString target = p.getTargetPort();
                    String targetPort = target == null ? null : target.getStrVal() != null ? target.getStrVal()
                            : target.getIntVal() == null ? null : Integer.toString(target.getIntVal());
                    ports.add(new ServiceInfo.Port(p.getName(), p.getPort() == null ? 0 : p.getPort(), protocol == null ? Protocol.TCP : protocol, targetPort));
                }
            }
            String ns = s.getMetadata().getNamespace() == null ? "default" : s.getMetadata().getNamespace();
            Map<String, String> selector = s.getSpec() == null || s.getSpec().getSelector() == null ? Map.of() : Map.copyOf(s.getSpec().getSelector());
            services.add(new ServiceInfo(ns, s.getMetadata().getName(), selector, List.copyOf(ports)));
            return this;
        }

        public Builder policy(NetworkPolicy np) {
            policies.add(PolicyParser.parse(np));
            return this;
        }

        /** Whether to add the synthetic CoreDNS endpoint when no kube-system pod is labelled k8s-app=kube-dns (default true). */
        public Builder syntheticDns(boolean on) {
            this.syntheticDns = on;
            return this;
        }

        /** Whether to add the world endpoint (default true). */
        public Builder world(boolean on) {
            this.world = on;
            return this;
        }

        public NetworkSnapshot build() {
            List<String> notes = new ArrayList<>();
            List<Endpoint> all = new ArrayList<>();
            for (Endpoint p : pods) {
                all.add(at(all.size(), p));
            }
            boolean hasDns = pods.stream().anyMatch(p -> isDns(p.namespace(), p.labels()));
            if (syntheticDns && !hasDns) {
                all.add(new Endpoint(all.size(), DNS_NAMESPACE, "coredns", Map.of(DNS_LABEL_KEY, DNS_LABEL_VALUE), Ip.parse(SYNTHETIC_DNS_IP),
                        SYNTHETIC_DNS_IP, List.of(new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP),
                        new ContainerPort("metrics", 9153, Protocol.TCP)), new WorkloadKey("Deployment", DNS_NAMESPACE, "coredns"), true));
                notes.add("the manifests have no cluster DNS pods (namespace " + DNS_NAMESPACE + ", label " + DNS_LABEL_KEY + "=" + DNS_LABEL_VALUE
                        + "): a synthetic CoreDNS endpoint " + DNS_NAMESPACE + "/coredns at " + SYNTHETIC_DNS_IP + " serves dns 53/UDP and dns-tcp 53/TCP");
            }
            if (!fromTemplate.isEmpty()) {
                notes.add(fromTemplate.size() + " workload(s) have no running pod (" + representativeReason + "): each is analysed as one"
                        + " representative pod made from its pod template, at an address of " + REPRESENTATIVE_RANGE + "; placement was not simulated for them");
            }
            if (world) {
                all.add(new Endpoint(all.size(), "", WORLD, Map.of(), Ip.parse(WORLD_IP), WORLD_IP, List.of(),
                        new WorkloadKey(WorkloadKey.EXTERNAL, "", WORLD), true));
            }
            for (String[] x : externals) {
                all.add(new Endpoint(all.size(), "", x[0], Map.of(), Ip.parse(x[1]), x[1], List.of(), new WorkloadKey(WorkloadKey.EXTERNAL, "", x[0]), false));
            }
            Map<String, Map<String, String>> ns = new TreeMap<>(namespaces);
            for (Endpoint e : all) {
                if (!e.isExternal()) {
                    ns.putIfAbsent(e.namespace(), Map.of());
                }
            }
            pending.forEach(p -> ns.putIfAbsent(p.namespace(), Map.of()));
            policies.forEach(p -> ns.putIfAbsent(p.namespace(), Map.of()));
            services.forEach(s -> ns.putIfAbsent(s.namespace(), Map.of()));
            Map<String, Map<String, String>> labelled = new TreeMap<>();
            ns.forEach((name, labels) -> {
                Map<String, String> l = new LinkedHashMap<>(labels);
                l.put(NAMESPACE_NAME_LABEL, name);
                labelled.put(name, Collections.unmodifiableMap(l));
            });
            return new NetworkSnapshot(all, labelled, services, policies, pending, notes, fromTemplate);
        }

        private static Endpoint at(int index, Endpoint e) {
            return new Endpoint(index, e.namespace(), e.name(), e.labels(), e.ip(), e.address(), e.ports(), e.workload(), e.synthetic());
        }

        private static Map<String, String> copy(Map<String, String> labels) {
            return labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        }

        static List<ContainerPort> containerPorts(Pod pod) {
            List<ContainerPort> out = new ArrayList<>();
            if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
                return out;
            }
            for (Container c : pod.getSpec().getContainers()) {
                if (c.getPorts() == null) {
                    continue;
                }
                for (io.fabric8.kubernetes.api.model.ContainerPort p : c.getPorts()) {
                    Protocol protocol = Protocol.ofApi(p.getProtocol());
                    if (p.getContainerPort() != null && protocol != null) {
                        out.add(new ContainerPort(p.getName(), p.getContainerPort(), protocol));
                    }
                }
            }
            return out;
        }
    }
}
