package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seed platforms under examples/: each loads, its workloads land on the node pools its design document
 * says, and each of its scenarios gives the exit code its file promises (1 where the scenario disproves a claim).
 */
class SeedPlatformsTest {
    private static final String EXAMPLES = "../examples/";

    /** Platform paths as the platform READMEs give them: a folder, or manifests plus their node pools. */
    private static final List<String> ARCHIVERSE = List.of(EXAMPLES + "archiverse");
    private static final List<String> G11_PROD = List.of(EXAMPLES + "g11/production", EXAMPLES + "g11/node-pools.yaml");
    private static final List<String> G11_STG = List.of(EXAMPLES + "g11/staging", EXAMPLES + "g11/node-pools.yaml");
    private static final List<String> FINCH = List.of(EXAMPLES + "finch");
    private static final List<String> BASEBOOK_PROD = List.of(EXAMPLES + "basebook/k8s/overlays/production", EXAMPLES + "basebook/node-pools.yaml");
    private static final List<String> BASEBOOK_STG = List.of(EXAMPLES + "basebook/k8s/overlays/staging", EXAMPLES + "basebook/node-pools.yaml");
    private static final List<String> KMP_PROD = List.of(EXAMPLES + "kmp-infra/production", EXAMPLES + "kmp-infra/node-pools.yaml");
    private static final List<String> KMP_DEV = List.of(EXAMPLES + "kmp-infra/development", EXAMPLES + "kmp-infra/node-pools-development.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> platforms() {
        return Stream.of(
                Arguments.of("archiverse", ARCHIVERSE),
                Arguments.of("g11 production", G11_PROD),
                Arguments.of("g11 staging", G11_STG),
                Arguments.of("finch", FINCH),
                Arguments.of("basebook production", BASEBOOK_PROD),
                Arguments.of("basebook staging", BASEBOOK_STG),
                Arguments.of("kmp-infra production", KMP_PROD),
                Arguments.of("kmp-infra development", KMP_DEV));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void everyPlatformLoadsAndEveryPodIsScheduled(String name, List<String> paths) throws Exception {
        needsKustomize(paths);
        Cli check = Cli.run(args("check", paths));
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).startsWith("ok: ");
        JsonNode report = report(paths);
        assertThat(report.get("pending")).as("pending pods of %s", name).isEmpty();
        for (JsonNode w : report.get("workloads")) {
            assertThat(w.get("ready").asInt()).as("%s %s/%s ready", w.get("kind").asText(), w.get("namespace").asText(), w.get("name").asText())
                    .isEqualTo(w.get("desired").asInt());
        }
    }

    // ---------------------------------------------------------------- placements, as each document says

    @Test
    void archiverseWorkloadsLandOnTheirOwnPoolsAndTheSystemComponentsOnTheSystemPool() throws Exception {
        needsKustomize(ARCHIVERSE);
        JsonNode report = report(ARCHIVERSE);
        assertThat(pools(report, "Deployment", "archiverse", "frontend")).isEqualTo(Map.of("frontend-pool", 2));
        assertThat(distinctNodes(report, "Deployment", "archiverse", "frontend")).isEqualTo(2);
        assertThat(pools(report, "Deployment", "archiverse", "api")).isEqualTo(Map.of("backend-pool", 2));
        assertThat(pools(report, "StatefulSet", "archiverse", "postgres")).isEqualTo(Map.of("db-pool", 1));
        for (String flux : List.of("source-controller", "kustomize-controller", "helm-controller", "notification-controller")) {
            assertThat(pools(report, "Deployment", "flux-system", flux)).isEqualTo(Map.of("system", 1));
        }
        for (String cm : List.of("cert-manager", "cert-manager-cainjector", "cert-manager-webhook")) {
            assertThat(pools(report, "Deployment", "cert-manager", cm)).isEqualTo(Map.of("system", 1));
        }
        assertThat(pool(report, "system").get("nodes").asInt()).isEqualTo(1);
        assertThat(pool(report, "system").get("instanceType").asText()).isEqualTo("Standard_B2ps_v2");
    }

    @Test
    void archiverseSystemPoolIsNotDedicatedBecauseItHasNoTaint(@TempDir Path tmp) throws Exception {
        needsKustomize(ARCHIVERSE);
        // "Keep system pool dedicated to system components": any workload without a nodeSelector lands there.
        Path unpinned = tmp.resolve("docs-site.yaml");
        Files.writeString(unpinned, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: docs-site, namespace: archiverse}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: docs-site}}
                  template:
                    metadata: {labels: {app: docs-site}}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          resources: {requests: {cpu: 200m, memory: 128Mi}}
                """);
        JsonNode report = report(List.of(ARCHIVERSE.get(0), unpinned.toString()));
        assertThat(pools(report, "Deployment", "archiverse", "docs-site")).isEqualTo(Map.of("system", 2));
    }

    @Test
    void g11ServicesRunOnTheAppsGroupAndAddOnsOnThePlatformGroupInBothClusters() throws Exception {
        for (var cluster : List.of(Map.entry("g11-prod", G11_PROD), Map.entry("g11-stg", G11_STG))) {
            JsonNode report = report(cluster.getValue());
            String ns = cluster.getKey();
            for (String svc : List.of("user-service", "content-service", "comment-service", "category-service", "media-service")) {
                assertThat(pools(report, "Deployment", ns, svc)).as(ns + "/" + svc).isEqualTo(Map.of("apps", 2));
                assertThat(distinctNodes(report, "Deployment", ns, svc)).isEqualTo(2);
            }
            assertThat(pools(report, "Deployment", "istio-system", "istiod")).isEqualTo(Map.of("platform", 1));
            assertThat(pools(report, "Deployment", "istio-system", "istio-ingressgateway")).isEqualTo(Map.of("platform", 2));
            for (String addOn : List.of("cluster-autoscaler", "metrics-server", "sealed-secrets-controller")) {
                assertThat(pools(report, "Deployment", "kube-system", addOn)).isEqualTo(Map.of("platform", 1));
            }
            assertThat(pools(report, "Deployment", "kube-system", "efs-csi-controller")).isEqualTo(Map.of("platform", 2));
            assertThat(pools(report, "DaemonSet", "kube-system", "efs-csi-node")).isEqualTo(Map.of("apps", 3, "platform", 2));
            assertThat(pools(report, "Deployment", "postgres-operator", "pgo")).isEqualTo(Map.of("platform", 1));
        }
    }

    @Test
    void g11StagingIsIdenticalToProduction() throws Exception {
        // "g11-stg: Identical to production for consistency": same workloads, replicas and placements.
        assertThat(shape(report(G11_STG), "g11-stg")).isEqualTo(shape(report(G11_PROD), "g11-prod")).isNotEmpty();
        // The frontend is an Argo Rollout: kept, but not simulated.
        assertThat(Cli.run(args("check", G11_PROD)).out()).contains("1 argoproj.io/v1alpha1 Rollout")
                .contains("1 postgres-operator.crunchydata.com/v1beta1 PostgresCluster").contains("1 security.istio.io/v1 PeerAuthentication");
    }

    @Test
    void finchProductionRunsOnAppAndDataNodesAndStagingOnSpot() throws Exception {
        JsonNode report = report(FINCH);
        String prod = "finch-production";
        assertThat(pools(report, "Deployment", prod, "finch-frontend")).isEqualTo(Map.of("app", 2));
        assertThat(pools(report, "Deployment", prod, "finch-backend")).isEqualTo(Map.of("app", 3));
        assertThat(distinctNodes(report, "Deployment", prod, "finch-backend")).isEqualTo(3);
        assertThat(pools(report, "Deployment", prod, "finch-celery-worker")).isEqualTo(Map.of("app", 2));
        assertThat(pools(report, "Deployment", prod, "finch-celery-beat")).isEqualTo(Map.of("app", 1));
        assertThat(pools(report, "Deployment", prod, "finch-postgres")).isEqualTo(Map.of("data", 1));
        assertThat(pools(report, "Deployment", prod, "finch-redis")).isEqualTo(Map.of("data", 1));
        List<String> production = new ArrayList<>();
        List<String> staging = new ArrayList<>();
        for (JsonNode w : report.get("workloads")) {
            String ns = w.get("namespace").asText();
            if (ns.equals("finch-staging")) {
                staging.add(w.get("kind").asText() + "/" + w.get("name").asText());
                assertThat(w.get("podsPerPool").toString()).as(w.get("name").asText()).isEqualTo("{\"staging-spot\":1}");
            } else if (ns.equals(prod)) {
                production.add(w.get("kind").asText() + "/" + w.get("name").asText());
            }
        }
        // "Staging: identical to production but with reduced resources".
        assertThat(staging).containsExactlyInAnyOrderElementsOf(production).hasSize(6);
        assertThat(pools(report, "DaemonSet", "finch-monitoring", "node-exporter")).isEqualTo(Map.of("app", 3, "data", 1, "staging-spot", 1));
        for (String mon : List.of("grafana", "alertmanager")) {
            assertThat(pools(report, "Deployment", "finch-monitoring", mon)).isEqualTo(Map.of("app", 1));
        }
        assertThat(pools(report, "StatefulSet", "finch-monitoring", "prometheus")).isEqualTo(Map.of("app", 1));
    }

    @Test
    void basebookPlacesTheRouterOnComputeNodesAndSpreadsTheBackendOverThreeZones() throws Exception {
        needsKustomize(BASEBOOK_PROD);
        JsonNode prod = report(BASEBOOK_PROD);
        assertThat(pools(prod, "Deployment", "basebook", "backend")).isEqualTo(Map.of("general", 3));
        assertThat(distinctNodes(prod, "Deployment", "basebook", "backend")).isEqualTo(3);
        assertThat(pools(prod, "Deployment", "basebook", "router")).isEqualTo(Map.of("compute", 2));
        assertThat(distinctNodes(prod, "Deployment", "basebook", "router")).isEqualTo(2);
        assertThat(pools(prod, "Deployment", "basebook", "frontend")).isEqualTo(Map.of("general", 2));
        // Staging asks for "Replicas: 2 / 1 / 1", but the base HPAs' minimums (3 / 2 / 2) raise them as soon as they act.
        JsonNode stg = report(BASEBOOK_STG);
        assertThat(pools(stg, "Deployment", "basebook-staging", "backend")).isEqualTo(Map.of("general", 3));
        assertThat(pools(stg, "Deployment", "basebook-staging", "router")).isEqualTo(Map.of("compute", 2));
        assertThat(pools(stg, "Deployment", "basebook-staging", "frontend")).isEqualTo(Map.of("general", 2));
    }

    @Test
    void kmpProductionUsesDedicatedPoolsAndOneDatabaseInstancePerZone() throws Exception {
        JsonNode report = report(KMP_PROD);
        for (String svc : List.of("api-gateway", "auth-service", "sync-service")) {
            assertThat(pools(report, "Deployment", "kmp-apps", svc)).isEqualTo(Map.of("application", 2));
        }
        assertThat(pools(report, "StatefulSet", "kmp-data", "postgres")).isEqualTo(Map.of("database", 3));
        assertThat(distinctNodes(report, "StatefulSet", "kmp-data", "postgres")).isEqualTo(3);
        for (String[] utility : new String[][] {{"StatefulSet", "monitoring", "prometheus"}, {"Deployment", "monitoring", "grafana"},
                {"Deployment", "monitoring", "alertmanager"}, {"StatefulSet", "logging", "loki"}, {"Deployment", "kube-system", "cluster-autoscaler"}}) {
            assertThat(pools(report, utility[0], utility[1], utility[2])).as(String.join("/", utility)).isEqualTo(Map.of("utility", 1));
        }
        for (String[] agent : new String[][] {{"monitoring", "node-exporter"}, {"logging", "fluent-bit"}}) {
            assertThat(pools(report, "DaemonSet", agent[0], agent[1])).isEqualTo(Map.of("application", 3, "database", 3, "utility", 2));
        }
        JsonNode dev = report(KMP_DEV);
        assertThat(pools(dev, "Deployment", "kmp-system", "overprovisioning")).isEqualTo(Map.of("development", 2));
        assertThat(pools(dev, "Deployment", "kmp-dev", "sync-service")).isEqualTo(Map.of("development", 1));
    }

    @Test
    void kmpPodSecurityPoliciesAreRefusedAsKubernetes131RefusesThem(@TempDir Path tmp) throws Exception {
        Path psp = tmp.resolve("psp.yaml");
        Files.writeString(psp, """
                apiVersion: policy/v1beta1
                kind: PodSecurityPolicy
                metadata: {name: restricted}
                spec:
                  privileged: false
                  runAsUser: {rule: MustRunAsNonRoot}
                  seLinux: {rule: RunAsAny}
                  supplementalGroups: {rule: RunAsAny}
                  fsGroup: {rule: RunAsAny}
                """);
        Cli r = Cli.run("check", psp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apiVersion policy/v1beta1 is not served by Kubernetes 1.31");
    }

    // ---------------------------------------------------------------- scenarios

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of(ARCHIVERSE, "archiverse/scenarios/normal-day.yaml", 0, List.of()),
                Arguments.of(ARCHIVERSE, "archiverse/scenarios/isolation.yaml", 0, List.of()),
                Arguments.of(ARCHIVERSE, "archiverse/scenarios/launch-peak.yaml", 1,
                        List.of("frontend serves 99% of page requests during the launch (the design's autoscaling claim)")),
                Arguments.of(G11_PROD, "g11/scenarios/prod-day.yaml", 0, List.of()),
                Arguments.of(G11_PROD, "g11/scenarios/isolation.yaml", 0, List.of()),
                Arguments.of(FINCH, "finch/scenarios/production-day.yaml", 0, List.of()),
                Arguments.of(FINCH, "finch/scenarios/isolation.yaml", 0, List.of()),
                Arguments.of(FINCH, "finch/scenarios/celery-burst.yaml", 1,
                        List.of("Celery workers process 99% of tasks during the burst", "both workers stay ready through the burst")),
                Arguments.of(BASEBOOK_PROD, "basebook/scenarios/peak.yaml", 0, List.of()),
                Arguments.of(BASEBOOK_PROD, "basebook/scenarios/hpa-max.yaml", 0, List.of()),
                Arguments.of(BASEBOOK_PROD, "basebook/scenarios/isolation.yaml", 0, List.of()),
                Arguments.of(KMP_PROD, "kmp-infra/scenarios/prod-day.yaml", 0, List.of()),
                Arguments.of(KMP_PROD, "kmp-infra/scenarios/isolation.yaml", 0, List.of()),
                Arguments.of(KMP_PROD, "kmp-infra/scenarios/scale-up-threshold.yaml", 1,
                        List.of("requests on the application nodes stay below 80% of allocatable (the document's scale-up threshold)")),
                Arguments.of(KMP_DEV, "kmp-infra/scenarios/dev-burst.yaml", 0, List.of()));
    }

    @ParameterizedTest(name = "{1} exits {2}")
    @MethodSource("scenarios")
    void everyScenarioGivesItsIntendedVerdict(List<String> platform, String scenario, int exitCode, List<String> failing) {
        needsKustomize(platform);
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(platform);
        a.addAll(List.of("--scenario", EXAMPLES + scenario));
        Cli r = Cli.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(exitCode);
        List<String> failed = r.out().lines().filter(l -> l.startsWith("  FAIL  ")).map(l -> l.substring(8)).toList();
        assertThat(failed).containsExactlyElementsOf(failing);
        if (failing.isEmpty()) {
            assertThat(r.out()).containsPattern("All \\d+ expectations held\\.");
        }
    }

    @Test
    void celeryBurstShowsTheOomKillsRestartsAndCrashLoopBackOffItIsAdvertisedFor() throws Exception {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(FINCH);
        a.addAll(List.of("--scenario", EXAMPLES + "finch/scenarios/celery-burst.yaml"));
        Cli r = Cli.run(a.toArray(String[]::new));

        assertThat(r.out()).containsPattern("\\d\\d:\\d\\d:\\d\\d OOMKilled finch-production/finch-celery-worker-[a-z0-9-]+: over its memory limit; "
                        + "restarted after a CrashLoopBackOff of 10s")
                .containsPattern("workload\\[finch-production/finch-celery-worker\\] OOM kills +\\d+ in 2 pods, first at ")
                .contains("FIGURES (over the whole run)").contains("RESTARTS");
        a.addAll(List.of("-o", "json"));
        JsonNode root = new ObjectMapper().readTree(Cli.run(a.toArray(String[]::new)).out());
        assertThat(root.get("scenario").get("log").toString()).contains("OOMKilled finch-production/finch-celery-worker-");
        JsonNode worker = StreamSupport.stream(root.get("end").get("workloads").spliterator(), false)
                .filter(w -> w.get("name").asText().equals("finch-celery-worker") && w.get("namespace").asText().equals("finch-production"))
                .findFirst().orElseThrow();
        assertThat(worker.get("restarts").asInt()).isPositive();
    }

    @Test
    void launchPeakFailsWithoutAnyPodPendingSoThePoolAutoscalerWouldNeverAct() {
        needsKustomize(ARCHIVERSE);
        Cli r = Cli.run("run", ARCHIVERSE.get(0), "--scenario", EXAMPLES + "archiverse/scenarios/launch-peak.yaml");
        assertThat(r.out()).contains("PASS  no frontend pod is pending, so the cluster autoscaler has nothing to scale up for")
                .contains("PASS  requested CPU on the frontend pool stays far below its allocatable")
                .contains("service[archiverse/frontend] served 41.");
    }

    @Test
    void kmpScaleUpPassesEightyPercentOfRequestsWithNothingPending() {
        Cli r = Cli.run(args("run", KMP_PROD, "--scenario", EXAMPLES + "kmp-infra/scenarios/scale-up-threshold.yaml"));
        assertThat(r.out()).contains("max(pool[application].cpuRequested) = 9.950, not <= 9.410")
                .contains("PASS  no pod is ever unschedulable, the cluster autoscaler's only scale-up trigger");
    }

    // ---------------------------------------------------------------- network claims (sandtable reach)

    static Stream<Arguments> connections() {
        return Stream.of(
                Arguments.of(ARCHIVERSE, "archiverse/frontend", "archiverse/api", "8000", "allowed"),
                Arguments.of(ARCHIVERSE, "archiverse/frontend", "archiverse/postgres", "5432", "denied"),
                Arguments.of(ARCHIVERSE, "archiverse/api", "archiverse/postgres", "5432", "allowed"),
                Arguments.of(ARCHIVERSE, "archiverse/postgres", "archiverse/api", "8000", "denied"),
                Arguments.of(ARCHIVERSE, "archiverse/postgres", "dns", "53/udp", "allowed"),
                Arguments.of(BASEBOOK_PROD, "basebook/backend", "basebook/router", "8080", "allowed"),
                Arguments.of(BASEBOOK_PROD, "basebook/frontend", "basebook/router", "8080", "denied"),
                Arguments.of(BASEBOOK_PROD, "basebook/frontend", "basebook/backend", "4000", "denied"),
                Arguments.of(BASEBOOK_PROD, "basebook/backend", "10.0.3.25", "5432", "allowed"),
                Arguments.of(FINCH, "finch-production/finch-backend", "finch-production/finch-postgres", "5432", "allowed"),
                Arguments.of(FINCH, "finch-production/finch-frontend", "finch-production/finch-postgres", "5432", "denied"),
                Arguments.of(FINCH, "finch-staging/finch-backend", "finch-production/finch-postgres", "5432", "denied"),
                Arguments.of(G11_PROD, "istio-system/istio-ingressgateway", "g11-prod/user-service", "8080", "allowed"),
                Arguments.of(G11_PROD, "world", "g11-prod/user-service", "8080", "denied"),
                Arguments.of(KMP_PROD, "kmp-apps/sync-service", "kmp-data/postgres", "5432", "allowed"),
                Arguments.of(KMP_PROD, "kmp-apps/api-gateway", "kmp-data/postgres", "5432", "denied"));
    }

    @ParameterizedTest(name = "{1} -> {2} port {3}: {4}")
    @MethodSource("connections")
    void networkPoliciesAllowWhatTheDocumentsAllowAndNothingElse(List<String> platform, String from, String to, String port, String verdict) {
        needsKustomize(platform);
        Cli r = Cli.run(args("reach", platform, "--from", from, "--to", to, "--port", port, "--expect", verdict));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static String[] args(String command, List<String> paths, String... more) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(paths);
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    private static JsonNode report(List<String> paths) throws Exception {
        Cli r = Cli.run(args("run", paths, "-o", "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out()).get("report");
    }

    private static JsonNode workload(JsonNode report, String kind, String namespace, String name) {
        List<String> seen = new ArrayList<>();
        for (JsonNode w : report.get("workloads")) {
            String id = w.get("kind").asText() + "/" + w.get("namespace").asText() + "/" + w.get("name").asText();
            seen.add(id);
            if (id.equals(kind + "/" + namespace + "/" + name)) {
                return w;
            }
        }
        throw new AssertionError(kind + " " + namespace + "/" + name + " not in " + seen);
    }

    private static Map<String, Integer> pools(JsonNode report, String kind, String namespace, String name) {
        Map<String, Integer> pools = new TreeMap<>();
        workload(report, kind, namespace, name).get("podsPerPool").fields().forEachRemaining(e -> pools.put(e.getKey(), e.getValue().asInt()));
        return pools;
    }

    private static int distinctNodes(JsonNode report, String kind, String namespace, String name) {
        var nodes = new HashSet<String>();
        workload(report, kind, namespace, name).get("nodes").forEach(n -> nodes.add(n.asText()));
        return nodes.size();
    }

    private static JsonNode pool(JsonNode report, String name) {
        for (JsonNode p : report.get("pools")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no pool " + name);
    }

    /** Kind, name (with the environment's namespace made neutral), desired replicas and pods per pool of every workload. */
    private static List<String> shape(JsonNode report, String envNamespace) {
        List<String> shape = new ArrayList<>();
        for (JsonNode w : report.get("workloads")) {
            String ns = w.get("namespace").asText().equals(envNamespace) ? "<env>" : w.get("namespace").asText();
            shape.add(w.get("kind").asText() + " " + ns + "/" + w.get("name").asText() + " x" + w.get("desired").asInt() + " " + w.get("podsPerPool"));
        }
        shape.sort(null);
        return shape;
    }

    private static void needsKustomize(List<String> paths) {
        if (paths.stream().anyMatch(p -> p.contains("archiverse") || p.contains("basebook"))) {
            assumeTrue(onPath("kubectl") || onPath("kustomize"), "kubectl or kustomize is needed to render kustomizations");
        }
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
