package dev.sandtable.network.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.network.ContainerPort;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.PodRef;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.WorkloadKey;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio on top of NetworkPolicy: STRICT mTLS refuses clients without a sidecar, AuthorizationPolicy DENY then
 * ALLOW on principals, namespaces and ports; destinations without a sidecar and non-TCP traffic are not enforced.
 */
class MeshTest {
    private static final PodRef API = new PodRef("shop", "api");
    private static final PodRef WEB = new PodRef("shop", "web");
    private static final PodRef OTHER = new PodRef("shop", "other");
    private static final PodRef BATCH = new PodRef("legacy", "batch");

    private static Mesh mesh(String... resources) {
        NetworkSnapshot s = NetworkSnapshot.builder()
                .namespace("shop", Map.of("istio-injection", "enabled")).namespace("legacy", Map.of())
                .pod("shop", "api", Map.of("app", "api"), "10.244.0.10", List.of(new ContainerPort("http", 8000, Protocol.TCP)), new WorkloadKey("Pod", "shop", "api"))
                .pod("shop", "web", Map.of("app", "web"), "10.244.0.11", List.of(), new WorkloadKey("Pod", "shop", "web"))
                .pod("shop", "other", Map.of("app", "other"), "10.244.0.12", List.of(), new WorkloadKey("Pod", "shop", "other"))
                .pod("legacy", "batch", Map.of("app", "batch"), "10.244.1.10", List.of(), new WorkloadKey("Pod", "legacy", "batch"))
                .build();
        List<Pod> pods = List.of(pod("shop", "api", "api"), pod("shop", "web", "web"), pod("shop", "other", "other"), pod("legacy", "batch", "batch"));
        List<HasMetadata> objects = new ArrayList<>();
        for (String r : resources) {
            objects.add(Yaml.read(GenericKubernetesResource.class, r));
        }
        return Mesh.of(s, pods, objects);
    }

    private static Pod pod(String ns, String name, String sa) {
        return Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: %s, labels: {app: %s}}
                spec: {serviceAccountName: %s, containers: [{name: c, image: i}]}
                """.formatted(name, ns, name, sa));
    }

    private static boolean allowed(Mesh m, PodRef from, PodRef to, int port) {
        NetworkSnapshot s = snapshotOf(m);
        int src = s.find(from).orElseThrow().index();
        int dst = s.find(to).orElseThrow().index();
        boolean verdict = m.evaluate(src, dst, Protocol.TCP, port).allowed();
        assertThat(m.allowed(src, dst).contains(Protocol.TCP, port)).as("allowed() agrees with evaluate()").isEqualTo(verdict);
        return verdict;
    }

    private static NetworkSnapshot snapshotOf(Mesh m) {
        return m.snapshot();
    }

    private static final String STRICT_SHOP = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: shop}
            spec: {mtls: {mode: STRICT}}
            """;

    @Test
    void strictMtlsRefusesPodsWithoutASidecarButNotMeshPods() {
        Mesh m = mesh(STRICT_SHOP);
        assertThat(allowed(m, BATCH, API, 8000)).isFalse();
        assertThat(allowed(m, WEB, API, 8000)).isTrue();
        assertThat(m.evaluate(snapshotOf(m).find(BATCH).orElseThrow().index(), snapshotOf(m).find(API).orElseThrow().index(), Protocol.TCP, 8000).reasons())
                .singleElement().asString().contains("PeerAuthentication shop/default");
    }

    @Test
    void permissiveIsTheDefaultAndUdpIsNeverIntercepted() {
        assertThat(allowed(mesh(), BATCH, API, 8000)).isTrue();
        Mesh m = mesh(STRICT_SHOP);
        NetworkSnapshot s = snapshotOf(m);
        assertThat(m.evaluate(s.find(BATCH).orElseThrow().index(), s.find(API).orElseThrow().index(), Protocol.UDP, 53).allowed()).isTrue();
    }

    @Test
    void aMeshWidePolicyInTheRootNamespaceYieldsToTheNamespaceAndThePortLevel() {
        Mesh m = mesh("""
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: istio-system}
                spec: {mtls: {mode: STRICT}}
                """, """
                apiVersion: security.istio.io/v1beta1
                kind: PeerAuthentication
                metadata: {name: api-metrics, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  mtls: {mode: UNSET}
                  portLevelMtls: {"9090": {mode: PERMISSIVE}}
                """);
        assertThat(allowed(m, BATCH, API, 8000)).isFalse();
        assertThat(allowed(m, BATCH, API, 9090)).isTrue();
        assertThat(allowed(m, BATCH, WEB, 8000)).isFalse();
    }

    @Test
    void aDestinationWithoutASidecarIsNotEnforced() {
        Mesh m = mesh(STRICT_SHOP, """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: nothing, namespace: legacy}
                spec: {}
                """);
        assertThat(allowed(m, WEB, BATCH, 80)).isTrue();
    }

    @Test
    void allowOnPrincipalsAndPortsAdmitsOnlyThoseClients() {
        Mesh m = mesh("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  action: ALLOW
                  rules:
                  - from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]
                    to: [{operation: {ports: ["8000"]}}]
                """);
        assertThat(allowed(m, WEB, API, 8000)).isTrue();
        assertThat(allowed(m, WEB, API, 9000)).isFalse();
        assertThat(allowed(m, OTHER, API, 8000)).isFalse();
        assertThat(allowed(m, BATCH, API, 8000)).as("plaintext has no principal").isFalse();
        assertThat(allowed(m, OTHER, WEB, 8000)).as("the policy selects api only").isTrue();
    }

    @Test
    void denyWinsOverAllowAndMatchesNamespacesWithWildcards() {
        Mesh m = mesh("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-all, namespace: shop}
                spec: {rules: [{}]}
                """, """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: no-other, namespace: istio-system}
                spec:
                  action: DENY
                  rules:
                  - from: [{source: {principals: ["*/sa/other"], namespaces: ["sh*"]}}]
                """);
        assertThat(allowed(m, WEB, API, 8000)).isTrue();
        assertThat(allowed(m, OTHER, API, 8000)).isFalse();
        assertThat(allowed(m, BATCH, API, 8000)).isTrue();
    }

    @Test
    void anAllowPolicyWithoutRulesAllowsNothing() {
        Mesh m = mesh("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-nothing, namespace: shop}
                spec: {}
                """);
        assertThat(allowed(m, WEB, API, 8000)).isFalse();
        assertThat(allowed(m, BATCH, WEB, 80)).isFalse();
    }

    @ParameterizedTest(name = "namespace {0}, pod label {1}, pod annotation {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "enabled, -, -, true", "-, -, -, false", "disabled, true, -, false", "enabled, false, -, false",
            "-, true, -, true", "enabled, -, false, false", "rev, -, -, true"})
    void sidecarInjection(String namespace, String podLabel, String podAnnotation, boolean injected) {
        Map<String, String> ns = namespace == null ? Map.of() : namespace.equals("rev") ? Map.of("istio.io/rev", "1-22") : Map.of("istio-injection", namespace);
        assertThat(Sidecars.injected(ns, podLabel == null ? Map.of() : Map.of(Sidecars.POD_KEY, podLabel),
                podAnnotation == null ? Map.of() : Map.of(Sidecars.POD_KEY, podAnnotation))).isEqualTo(injected);
    }
}
