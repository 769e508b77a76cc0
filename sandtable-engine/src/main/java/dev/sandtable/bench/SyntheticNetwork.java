package dev.sandtable.bench;

import dev.sandtable.network.ContainerPort;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.WorkloadKey;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated platform for the network benchmark, shaped like a multi-team cluster: namespaces of 50 workloads in
 * five tiers, each namespace with a default-deny and a DNS policy, and per-workload policies that mix pod selectors,
 * namespace selectors, both together, ipBlocks with except, named ports and port ranges.
 */
public final class SyntheticNetwork {
    private static final String[] TIERS = {"web", "api", "db", "cache", "worker"};
    private static final int WORKLOADS_PER_NAMESPACE = 50;

    private SyntheticNetwork() {
    }

    public static NetworkSnapshot.Builder snapshot(int workloads, int podsPerWorkload, int policies) {
        int namespaces = Math.max(1, (workloads + WORKLOADS_PER_NAMESPACE - 1) / WORKLOADS_PER_NAMESPACE);
        NetworkSnapshot.Builder b = NetworkSnapshot.builder();
        for (int n = 0; n < namespaces; n++) {
            b.namespace(ns(n), Map.of("team", "team-" + (n % 5), "env", n % 2 == 0 ? "prod" : "staging"));
        }
        List<ContainerPort> ports = List.of(new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort("grpc", 9000, Protocol.TCP),
                new ContainerPort("metrics", 9090, Protocol.TCP));
        int pod = 0;
        for (int w = 0; w < workloads; w++) {
            String ns = ns(w / WORKLOADS_PER_NAMESPACE);
            Map<String, String> labels = Map.of("app", "app-" + w, "tier", TIERS[w % TIERS.length], "team", "team-" + (w / WORKLOADS_PER_NAMESPACE % 5));
            for (int i = 0; i < podsPerWorkload; i++, pod++) {
                String ip = "10.244." + (pod / 250) + "." + (pod % 250 + 2);
                b.pod(ns, "app-" + w + "-" + i, labels, ip, ports, new WorkloadKey("Deployment", ns, "app-" + w));
            }
        }
        int made = 0;
        for (int n = 0; n < namespaces && made < policies; n++) {
            b.policy(policy(ns(n), "default-deny", new LabelSelector(), List.of("Ingress", "Egress"), List.of(), List.of()));
            made++;
            if (made < policies) {
                b.policy(policy(ns(n), "allow-dns", new LabelSelector(), List.of("Egress"), List.of(), List.of(rule(List.of(
                        new NetworkPolicyPeerBuilder().withNamespaceSelector(labels("kubernetes.io/metadata.name", "kube-system"))
                                .withPodSelector(labels("k8s-app", "kube-dns")).build()), port("UDP", 53, null), port("TCP", 53, null)))));
                made++;
            }
        }
        for (int w = 0; made < policies; w = (w + 1) % workloads, made++) {
            b.policy(appPolicy(w, namespaces, made));
        }
        return b;
    }

    private static NetworkPolicy appPolicy(int w, int namespaces, int serial) {
        String ns = ns(w / WORKLOADS_PER_NAMESPACE);
        String tier = TIERS[w % TIERS.length];
        List<Rule> ingress = new ArrayList<>();
        List<Rule> egress = new ArrayList<>();
        ingress.add(rule(List.of(new NetworkPolicyPeerBuilder().withPodSelector(labels("tier", "web")).build()), namedPort("http")));
        ingress.add(rule(List.of(new NetworkPolicyPeerBuilder().withNamespaceSelector(labels("team", "team-" + (w % 5)))
                .withPodSelector(labels("tier", "api")).build()), namedPort("grpc")));
        if (tier.equals("web")) {
            ingress.add(rule(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("0.0.0.0/0").withExcept("10.0.0.0/8").endIpBlock().build()),
                    port("TCP", 8080, null)));
        }
        egress.add(rule(List.of(new NetworkPolicyPeerBuilder().withPodSelector(labels("tier", "db")).build()), port("TCP", 5432, null)));
        egress.add(rule(List.of(new NetworkPolicyPeerBuilder().withNamespaceSelector(labels("kubernetes.io/metadata.name",
                ns((w / WORKLOADS_PER_NAMESPACE + 1) % namespaces))).build()), port("TCP", 8000, 9100)));
        if (serial % 7 == 0) {
            egress.add(rule(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("10.244." + (serial % 20) + ".0/24").endIpBlock().build()),
                    port("TCP", 9090, null)));
        }
        return policy(ns, "app-" + w + "-" + serial, labels("app", "app-" + w), List.of("Ingress", "Egress"), ingress, egress);
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private static Rule rule(List<NetworkPolicyPeer> peers, NetworkPolicyPort... ports) {
        return new Rule(peers, List.of(ports));
    }

    private static NetworkPolicy policy(String ns, String name, LabelSelector selector, List<String> types, List<Rule> ingress, List<Rule> egress) {
        NetworkPolicyBuilder b = new NetworkPolicyBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec().withPodSelector(selector).withPolicyTypes(types).endSpec();
        for (Rule r : ingress) {
            b.editSpec().addNewIngress().withFrom(r.peers()).withPorts(r.ports()).endIngress().endSpec();
        }
        for (Rule r : egress) {
            b.editSpec().addNewEgress().withTo(r.peers()).withPorts(r.ports()).endEgress().endSpec();
        }
        return b.build();
    }

    private static LabelSelector labels(String key, String value) {
        return new LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build();
    }

    private static NetworkPolicyPort port(String protocol, int port, Integer endPort) {
        return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).withEndPort(endPort).build();
    }

    private static NetworkPolicyPort namedPort(String name) {
        return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(name)).build();
    }

    private static String ns(int n) {
        return String.format("team-ns-%02d", n);
    }
}
