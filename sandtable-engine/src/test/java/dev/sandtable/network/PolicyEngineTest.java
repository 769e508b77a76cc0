package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts and their explanations: which policies isolate each side, and which rule and peer admitted the traffic. */
class PolicyEngineTest {
    private static final WorkloadKey WEB = new WorkloadKey("Deployment", "shop", "web");
    private static final WorkloadKey API = new WorkloadKey("Deployment", "shop", "api");

    static NetworkPolicy policy(String yaml) {
        return Yaml.read(NetworkPolicy.class, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" + yaml);
    }

    private static NetworkSnapshot.Builder shop() {
        return NetworkSnapshot.builder()
                .namespace("shop", Map.of())
                .pod("shop", "web-1", Map.of("app", "web"), "10.244.0.3", List.of(), WEB)
                .pod("shop", "api-1", Map.of("app", "api"), "10.244.1.3", List.of(new ContainerPort("http", 8000, Protocol.TCP)), API)
                .pod("shop", "api-2", Map.of("app", "api"), "10.244.2.3", List.of(new ContainerPort("http", 8080, Protocol.TCP)), API)
                .policy(policy("""
                        metadata: {name: default-deny, namespace: shop}
                        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                        """))
                .policy(policy("""
                        metadata: {name: api, namespace: shop}
                        spec:
                          podSelector: {matchLabels: {app: api}}
                          ingress:
                          - from:
                            - ipBlock: {cidr: 192.0.2.0/24}
                            - podSelector: {matchLabels: {app: web}}
                            ports: [{port: http}]
                        """))
                .policy(policy("""
                        metadata: {name: web, namespace: shop}
                        spec:
                          podSelector: {matchLabels: {app: web}}
                          policyTypes: [Egress]
                          egress:
                          - to: [{podSelector: {matchLabels: {app: api}}}]
                        """));
    }

    @Test
    void anAllowedConnectionNamesTheRuleAndPeerOnEachSide() {
        PolicyEngine engine = new PolicyEngine(shop().build());
        Verdict v = engine.evaluate(new PodRef("shop", "web-1"), new PodRef("shop", "api-1"), 8000, "TCP");
        assertThat(v.allowed()).isTrue();
        assertThat(v.egress().isolated()).isTrue();
        assertThat(v.egress().policies()).containsExactly("shop/default-deny", "shop/web");
        assertThat(v.egress().matches()).extracting(m -> m.rule().toString()).containsExactly("shop/web egress[0].to[0]");
        assertThat(v.ingress().policies()).containsExactly("shop/default-deny", "shop/api");
        assertThat(v.ingress().matches()).singleElement().satisfies(m -> {
            assertThat(m.rule().path()).isEqualTo("ingress[0].from[1]");
            assertThat(m.peer()).isEqualTo("podSelector app=web");
            assertThat(m.ports()).hasToString("TCP 8000");
        });
    }

    @Test
    void aNamedPortResolvesOnEachDestinationPod() {
        PolicyEngine engine = new PolicyEngine(shop().build());
        PodRef web = new PodRef("shop", "web-1");
        assertThat(engine.evaluate(web, new PodRef("shop", "api-1"), 8000, "tcp").allowed()).isTrue();
        assertThat(engine.evaluate(web, new PodRef("shop", "api-1"), 8080, "tcp").allowed()).isFalse();
        assertThat(engine.evaluate(web, new PodRef("shop", "api-2"), 8080, "tcp").allowed()).isTrue();
        assertThat(engine.evaluate(web, new PodRef("shop", "api-2"), 8000, "tcp").allowed()).isFalse();
    }

    @Test
    void aDeniedConnectionShowsTheIsolatingPoliciesAndNoAdmittingRule() {
        PolicyEngine engine = new PolicyEngine(shop().build());
        Verdict v = engine.evaluate(new PodRef("shop", "api-1"), new PodRef("shop", "web-1"), 80, "TCP");
        assertThat(v.allowed()).isFalse();
        // policy "api" has no policyTypes and no egress rules: it defaults to Ingress only
        assertThat(v.egress().policies()).containsExactly("shop/default-deny");
        assertThat(v.egress().matches()).isEmpty();
        assertThat(v.ingress().policies()).containsExactly("shop/default-deny");
    }

    @Test
    void aSideNoPolicySelectsIsNotIsolated() {
        NetworkSnapshot s = shop().external("partner", "192.0.2.7").build();
        PolicyEngine engine = new PolicyEngine(s);
        PairVerdict v = engine.analyse(engine.index(PodRef.external("partner")), engine.index(new PodRef("shop", "api-2")));
        assertThat(v.egress().isolated()).isFalse();
        assertThat(v.egress().allowed()).isEqualTo(PortSet.ALL);
        assertThat(v.ingress().matches()).extracting(m -> m.peer()).containsExactly("ipBlock 192.0.2.0/24");
        assertThat(v.allowed()).hasToString("TCP 8080");
    }

    @Test
    void theWorldIsAnAddressOutsideEveryPrivateRange() {
        NetworkSnapshot s = shop().build();
        Endpoint world = s.find(PodRef.external(NetworkSnapshot.WORLD)).orElseThrow();
        assertThat(world.address()).isEqualTo("203.0.113.10");
        PolicyEngine engine = new PolicyEngine(s);
        assertThat(engine.allowed(world.index(), engine.index(new PodRef("shop", "api-1"))).isEmpty()).isTrue();
    }

    @Test
    void withoutDnsPodsASyntheticCoreDnsServesPort53() {
        NetworkSnapshot s = shop().build();
        Endpoint dns = s.find(new PodRef("kube-system", "coredns")).orElseThrow();
        assertThat(dns.synthetic()).isTrue();
        assertThat(dns.labels()).containsEntry("k8s-app", "kube-dns");
        assertThat(s.notes()).singleElement().asString().contains("synthetic CoreDNS");
        assertThat(s.namespaces().get("kube-system")).containsEntry("kubernetes.io/metadata.name", "kube-system");
    }

    @Test
    void realDnsPodsReplaceTheSyntheticOne() {
        NetworkSnapshot s = shop().pod("kube-system", "coredns-abc", Map.of("k8s-app", "kube-dns"), "10.244.0.2", List.of(),
                new WorkloadKey("Deployment", "kube-system", "coredns")).build();
        assertThat(s.endpoints()).filteredOn(Endpoint::synthetic).extracting(Endpoint::name).containsExactly("world");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void podsWithoutAnAddressArePendingNotEndpoints() {
        NetworkSnapshot s = shop().pod("shop", "api-3", Map.of("app", "api"), null, List.of(), API).build();
        assertThat(s.find(new PodRef("shop", "api-3"))).isEmpty();
        assertThat(s.pending()).extracting(NetworkSnapshot.PendingPod::name).containsExactly("api-3");
        assertThat(WorkloadView.of(s).find(API).orElseThrow().pendingPods()).isEqualTo(1);
    }

    @Test
    void serviceTrafficGoesToEachEndpointOnItsTargetPort() {
        NetworkSnapshot s = shop().service(Yaml.read(Service.class, """
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {app: api}
                  ports: [{name: web, port: 80, targetPort: http}]
                """)).build();
        ServiceInfo svc = ServiceRoutes.find(s, "shop", "api").orElseThrow();
        List<ServiceRoutes.Route> routes = ServiceRoutes.routes(s, svc, "80");
        assertThat(routes).extracting(r -> s.endpoint(r.endpoint()).name() + ":" + r.targetPort()).containsExactly("api-1:8000", "api-2:8080");
        assertThat(ServiceRoutes.routes(s, svc, "web")).hasSize(2);
        assertThat(ServiceRoutes.routes(s, svc, "81")).isEmpty();
        PolicyEngine engine = new PolicyEngine(s);
        int web = engine.index(new PodRef("shop", "web-1"));
        assertThat(routes).allMatch(r -> engine.evaluate(web, r.endpoint(), r.protocol(), r.targetPort()).allowed());
    }
}
