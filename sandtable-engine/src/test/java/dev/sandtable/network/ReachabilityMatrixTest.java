package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The workload matrix: the same answers as the pod-by-pod engine, folded into workloads. */
class ReachabilityMatrixTest {

    @Test
    void podsOfAWorkloadThatPoliciesTreatAlikeFormOneClass() {
        NetworkSnapshot.Builder b = NetworkSnapshot.builder().syntheticDns(false).world(false);
        for (int i = 0; i < 5; i++) {
            b.pod("ns", "web-" + i, Map.of("app", "web"), "10.244.0." + (10 + i), List.of(), new WorkloadKey("Deployment", "ns", "web"));
        }
        ReachabilityMatrix m = ReachabilityMatrix.compute(new PolicyEngine(b.build()), WorkloadView.of(b.build()));
        assertThat(m.classes()).isEqualTo(1);
        assertThat(m.edges()).singleElement().satisfies(e -> assertThat(e.ports()).isEqualTo(PortSet.ALL));
    }

    @Test
    void anIpBlockThatCoversSomePodsOfAWorkloadMakesThePairPartial() {
        WorkloadKey api = new WorkloadKey("Deployment", "ns", "api");
        WorkloadKey client = new WorkloadKey("Deployment", "ns", "client");
        NetworkSnapshot s = NetworkSnapshot.builder().syntheticDns(false).world(false)
                .pod("ns", "api-1", Map.of("app", "api"), "10.244.0.10", List.of(), api)
                .pod("ns", "api-2", Map.of("app", "api"), "10.244.1.10", List.of(), api)
                .pod("ns", "client-1", Map.of("app", "client"), "10.244.2.10", List.of(), client)
                .policy(PolicyEngineTest.policy("""
                        metadata: {name: client, namespace: ns}
                        spec:
                          podSelector: {matchLabels: {app: client}}
                          policyTypes: [Egress]
                          egress:
                          - to: [{ipBlock: {cidr: 10.244.0.0/24}}]
                            ports: [{port: 443}]
                        """)).build();
        WorkloadView view = WorkloadView.of(s);
        ReachabilityMatrix m = ReachabilityMatrix.compute(new PolicyEngine(s), view);
        int from = view.find(client).orElseThrow().index();
        int to = view.find(api).orElseThrow().index();
        assertThat(m.ports(from, to)).hasToString("TCP 443");
        assertThat(m.partial(from, to)).isTrue();
        assertThat(m.partial(to, from)).isFalse();
    }

    @Test
    void aSinglePodsTrafficToItselfIsNotAnEdge() {
        NetworkSnapshot s = NetworkSnapshot.builder().syntheticDns(false).world(false)
                .pod("ns", "solo", Map.of(), "10.244.0.10", List.of(), new WorkloadKey("Pod", "ns", "solo")).build();
        assertThat(ReachabilityMatrix.compute(new PolicyEngine(s), WorkloadView.of(s)).edges()).isEmpty();
    }

    /** A seeded random cluster: every workload pair's ports equal the union of the engine's pod-pair answers. */
    @Test
    void agreesWithThePodByPodEngineOnRandomClusters() {
        for (long seed = 1; seed <= 20; seed++) {
            NetworkSnapshot s = randomCluster(new Random(seed));
            PolicyEngine engine = new PolicyEngine(s);
            WorkloadView view = WorkloadView.of(s);
            ReachabilityMatrix m = ReachabilityMatrix.compute(engine, view);
            for (Workload from : view.workloads()) {
                for (Workload to : view.workloads()) {
                    PortSet union = PortSet.NONE;
                    boolean same = true;
                    PortSet first = null;
                    for (int a : from.endpoints()) {
                        for (int b : to.endpoints()) {
                            PortSet p = engine.allowed(a, b);
                            union = union.union(p);
                            same &= first == null || first.equals(p);
                            first = first == null ? p : first;
                        }
                    }
                    assertThat(m.ports(from.index(), to.index())).as("seed %d: %s -> %s", seed, from.key(), to.key()).isEqualTo(union);
                    assertThat(m.partial(from.index(), to.index())).as("seed %d partial: %s -> %s", seed, from.key(), to.key()).isEqualTo(!same);
                }
            }
        }
    }

    private static NetworkSnapshot randomCluster(Random r) {
        String[] namespaces = {"a", "b", "c"};
        String[] apps = {"web", "api", "db", "cache"};
        NetworkSnapshot.Builder b = NetworkSnapshot.builder().external("partner", "192.0.2.7");
        for (String ns : namespaces) {
            b.namespace(ns, r.nextBoolean() ? Map.of("tier", "prod") : Map.of());
        }
        int ip = 10;
        for (String ns : namespaces) {
            for (String app : apps) {
                if (r.nextInt(4) == 0) {
                    continue;
                }
                int replicas = 1 + r.nextInt(3);
                for (int i = 0; i < replicas; i++) {
                    List<ContainerPort> ports = List.of(new ContainerPort("http", 8000 + r.nextInt(3), Protocol.TCP), new ContainerPort("dns", 53, Protocol.UDP));
                    b.pod(ns, app + "-" + i, Map.of("app", app, "role", r.nextBoolean() ? "x" : "y"), "10.244." + r.nextInt(3) + "." + ip++, ports,
                            new WorkloadKey("Deployment", ns, app));
                }
            }
        }
        List<String> peers = List.of("{podSelector: {matchLabels: {app: %s}}}", "{namespaceSelector: {matchLabels: {tier: prod}}}",
                "{namespaceSelector: {}, podSelector: {matchLabels: {role: x}}}", "{ipBlock: {cidr: 10.244.%d.0/24}}",
                "{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}", "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: %s}}}");
        List<String> ports = List.of("[{port: http}]", "[{port: 8000, endPort: 8001}]", "[{protocol: UDP}]", "[{port: dns, protocol: UDP}]", "[]");
        for (int i = 0; i < 6; i++) {
            String ns = namespaces[r.nextInt(3)];
            StringBuilder spec = new StringBuilder("metadata: {name: p" + i + ", namespace: " + ns + "}\nspec:\n");
            spec.append(r.nextInt(3) == 0 ? "  podSelector: {}\n" : "  podSelector: {matchLabels: {app: " + apps[r.nextInt(4)] + "}}\n");
            List<String> types = new ArrayList<>();
            for (String dir : new String[] {"ingress", "egress"}) {
                if (r.nextBoolean()) {
                    continue;
                }
                types.add(dir.equals("ingress") ? "Ingress" : "Egress");
                spec.append("  ").append(dir).append(":\n");
                for (int rule = r.nextInt(3); rule > 0; rule--) {
                    String peer = peers.get(r.nextInt(peers.size()));
                    peer = peer.contains("%s") ? peer.formatted(peer.contains("app") ? apps[r.nextInt(4)] : namespaces[r.nextInt(3)])
                            : peer.contains("%d") ? peer.formatted(r.nextInt(3)) : peer;
                    spec.append("  - ").append(dir.equals("ingress") ? "from" : "to").append(": [").append(peer).append("]\n");
                    spec.append("    ports: ").append(ports.get(r.nextInt(ports.size()))).append('\n');
                }
            }
            if (types.isEmpty()) {
                types.add("Ingress");
            }
            spec.append("  policyTypes: ").append(types).append('\n');
            b.policy(PolicyEngineTest.policy(spec.toString()));
        }
        return b.build();
    }
}
