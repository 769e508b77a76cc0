package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sandtable reach on the bundled example: the seed document's isolation promises, as a user checks them. */
class ReachEndToEndTest {
    private static final String EXAMPLE = "../examples/quickstart";

    @Test
    void theMatrixShowsExactlyTheConnectionsThePromisesAllow() throws Exception {
        Cli r = Cli.run("reach", EXAMPLE, "-o", "json");
        assertThat(r.exitCode()).isZero();
        List<String> edges = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(r.out()).get("edges")) {
            edges.add(e.get("from").asText() + " -> " + e.get("to").asText() + ": " + e.get("ports").toString());
        }
        String dns = "Deployment/kube-system/coredns";
        assertThat(edges).containsExactly(
                "Deployment/archiverse/api -> StatefulSet/archiverse/postgres: [\"TCP 5432\"]",
                "Deployment/archiverse/api -> " + dns + ": [\"TCP 53\",\"UDP 53\"]",
                "Deployment/archiverse/frontend -> Deployment/archiverse/api: [\"TCP 8000\"]",
                "Deployment/archiverse/frontend -> " + dns + ": [\"TCP 53\",\"UDP 53\"]",
                "StatefulSet/archiverse/postgres -> " + dns + ": [\"TCP 53\",\"UDP 53\"]",
                "Deployment/archiverse/report-builder -> " + dns + ": [\"TCP 53\",\"UDP 53\"]",
                dns + " -> External/world: [\"all ports\"]",
                "DaemonSet/monitoring/node-exporter -> " + dns + ": [\"TCP 53\",\"UDP 53\"]",
                "External/world -> Deployment/archiverse/frontend: [\"TCP 3000\"]",
                "External/world -> " + dns + ": [\"all ports\"]");
    }

    @Test
    void theTextReportShowsIsolationConnectionsAndTheSyntheticDns() {
        Cli r = Cli.run("reach", EXAMPLE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("note: the manifests have no cluster DNS pods")
                .containsPattern("StatefulSet archiverse/postgres\\s+1\\s+isolated by default-deny, postgres\\s+isolated by default-deny, allow-dns")
                .containsPattern("Deployment archiverse/frontend\\s+Deployment archiverse/api\\s+TCP 8000")
                .containsPattern("External world\\s+Deployment archiverse/frontend\\s+TCP 3000")
                .doesNotContainPattern("Deployment archiverse/frontend\\s+StatefulSet archiverse/postgres");
        assertThat(Cli.run("reach", EXAMPLE).out()).isEqualTo(r.out());
    }

    @Test
    void anAllowedConnectionIsExplainedOnBothSides() {
        Cli r = Cli.run("reach", EXAMPLE, "--from", "frontend", "--to", "archiverse/api", "--port", "8000");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("verdict: ALLOWED: TCP 8000 (all 4 pod pairs)")
                .contains("allowed by archiverse/frontend egress[0].to[0] (podSelector app=api): TCP 8000")
                .contains("allowed by archiverse/api ingress[0].from[0] (podSelector app=frontend): TCP 8000");
    }

    @Test
    void theDatabaseOnlyAcceptsTheBackend() {
        Cli r = Cli.run("reach", EXAMPLE, "--from", "Deployment/archiverse/frontend", "--to", "postgres", "--port", "postgres", "--expect", "denied");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("verdict: DENIED").contains("no rule of these policies has the other side among its peers");
        assertThat(Cli.run("reach", EXAMPLE, "--from", "api", "--to", "sts/archiverse/postgres", "--port", "5432").out()).contains("verdict: ALLOWED: TCP 5432");
    }

    @Test
    void everyPodCanResolveNames() {
        for (String from : List.of("frontend", "api", "postgres", "node-exporter")) {
            assertThat(Cli.run("reach", EXAMPLE, "--from", from, "--to", "dns", "--port", "53/udp").out()).as(from).contains("verdict: ALLOWED: UDP 53");
        }
    }

    @Test
    void trafficToAServiceIsJudgedAtItsTargetPort() {
        Cli r = Cli.run("reach", EXAMPLE, "--from", "world", "--to", "Service/archiverse/frontend", "--port", "80");
        assertThat(r.out()).contains("verdict: ALLOWED: TCP 3000 (both pod pairs)").contains("via Service archiverse/frontend port 80 to target port 3000");
    }

    @Test
    void aFailedExpectationExitsWithOne() {
        Cli r = Cli.run("reach", EXAMPLE, "--from", "api", "--to", "frontend", "--expect", "allowed");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("expectation failed: expected allowed, got denied");
    }

    @Test
    void badTargetsAndPortsAreOneLineWithAHint() {
        for (String[] args : List.of(new String[] {"--from", "nope", "--to", "api"}, new String[] {"--from", "api", "--to", "frontend", "--port", "70000"},
                new String[] {"--port", "80"},
                new String[] {"--from", "api", "--to", "postgres", "--port", "http"})) {
            List<String> all = new ArrayList<>(List.of("reach", EXAMPLE));
            all.addAll(List.of(args));
            Cli r = Cli.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1).allMatch(l -> l.startsWith("error: ") && l.contains("hint"));
        }
    }

    @Test
    void dotAndMarkdownRenderTheSameConnections() {
        assertThat(Cli.run("reach", EXAMPLE, "-o", "dot").out()).startsWith("digraph reach {")
                .contains("\"Deployment/archiverse/frontend\" -> \"Deployment/archiverse/api\" [label=\"TCP 8000\"];");
        assertThat(Cli.run("reach", EXAMPLE, "-o", "md").out()).startsWith("# NetworkPolicy reachability")
                .contains("| Deployment archiverse/frontend | Deployment archiverse/api | TCP 8000 |");
    }

    @Test
    void checkWarnsAboutOpenWorkloadsAndPoliciesThatSelectNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-only, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                """);
        Cli r = Cli.run("check", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("warning: .*app.yaml:1 \\(document 1\\): Deployment shop/web: selected by none of the 1 NetworkPolicies")
                .containsPattern("warning: .*app.yaml:\\d+ \\(document 2\\): NetworkPolicy shop/db-only: selects no pod");
    }

    @Test
    void istioStrictMtlsAndAuthorizationPolicyNarrowWhatNetworkPolicyAllows(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mesh.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {istio-injection: enabled}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: legacy}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      serviceAccountName: api
                      containers: [{name: api, image: api, ports: [{name: http, containerPort: 8000}]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      serviceAccountName: web
                      containers: [{name: web, image: web}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: batch, namespace: legacy}
                spec:
                  selector: {matchLabels: {app: batch}}
                  template:
                    metadata: {labels: {app: batch}}
                    spec: {containers: [{name: batch, image: batch}]}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: shop}
                spec: {mtls: {mode: STRICT}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  rules:
                  - from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]
                    to: [{operation: {ports: ["8000"]}}]
                ---
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: general}
                spec: {provider: aks, instanceType: Standard_D4s_v5, initialCount: 2}
                """);
        Cli plaintext = Cli.run("reach", dir.toString(), "--from", "batch", "--to", "api", "--port", "8000");
        assertThat(plaintext.out()).contains("verdict: DENIED")
                .contains("Istio: denied: mTLS STRICT (PeerAuthentication shop/default) refuses plaintext from a pod without a sidecar");
        Cli mtls = Cli.run("reach", dir.toString(), "--from", "web", "--to", "api", "--port", "http");
        assertThat(mtls.out()).contains("verdict: ALLOWED: TCP 8000").contains("allowed by AuthorizationPolicy shop/api rules[0]");
        assertThat(Cli.run("reach", dir.toString(), "--from", "web", "--to", "api", "--port", "9000").out()).contains("verdict: DENIED")
                .contains("no rule of the ALLOW AuthorizationPolicies shop/api matches");
        assertThat(Cli.run("reach", dir.toString()).out()).contains("note: Istio: sidecars on shop/api, shop/web")
                .containsPattern("Deployment shop/web\\s+Deployment shop/api\\s+TCP 8000, UDP all, SCTP all")
                .containsPattern("Deployment legacy/batch\\s+Deployment shop/api\\s+UDP all, SCTP all");
    }
}
