package dev.sandtable.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.FieldError;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** reachability intents on a three-tier shop (web -> api -> db, default deny, DNS allowed), an unpoliced ops/debug and a never-scheduled shop/reports. */
class ReachabilityExpectationTest {

    static List<HasMetadata> shop() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: general}
                spec: {capacity: {cpu: "8", memory: 32Gi}, initialCount: 2}
                """));
        objects.add(deployment("shop", "web", 2, 3000, "100m"));
        objects.add(deployment("shop", "api", 2, 8000, "100m"));
        objects.add(deployment("shop", "reports", 1, 8080, "64"));
        objects.add(deployment("ops", "debug", 1, 9000, "100m"));
        objects.add(Yaml.read(StatefulSet.class, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  replicas: 1
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                        - name: postgres
                          image: postgres:16
                          ports: [{containerPort: 5432, name: postgres}]
                          resources: {requests: {cpu: 100m, memory: 128Mi}}
                """));
        objects.add(policy("""
                metadata: {name: default-deny, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """));
        objects.add(policy("""
                metadata: {name: allow-dns, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
                      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                """));
        objects.add(policy("""
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}], ports: [{port: 3000}]}]
                  egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 8000}]}]
                """));
        objects.add(policy("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8000}]}]
                  egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: postgres}]}]
                """));
        objects.add(policy("""
                metadata: {name: db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]
                """));
        return objects;
    }

    /** The shop with one more policy: someone opened the database to every peer while debugging. */
    static List<HasMetadata> shopWithOpenDatabase() {
        List<HasMetadata> objects = shop();
        objects.add(policy("""
                metadata: {name: db-debug, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{}]
                """));
        return objects;
    }

    /** The shop with a batch namespace whose default deny forgot DNS. */
    static List<HasMetadata> shopWithBatchWithoutDns() {
        List<HasMetadata> objects = shop();
        objects.add(deployment("batch", "importer", 1, 7000, "100m"));
        objects.add(policy("""
                metadata: {name: default-deny, namespace: batch}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """));
        return objects;
    }

    static Deployment deployment(String namespace, String name, int replicas, int port, String cpu) {
        return Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  replicas: %3$d
                  selector: {matchLabels: {app: %2$s}}
                  template:
                    metadata: {labels: {app: %2$s}}
                    spec:
                      containers:
                        - name: %2$s
                          image: %2$s:1
                          ports: [{containerPort: %4$d}]
                          resources: {requests: {cpu: "%5$s", memory: 128Mi}}
                """.formatted(namespace, name, replicas, port, cpu));
    }

    static NetworkPolicy policy(String yaml) {
        return Yaml.read(NetworkPolicy.class, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" + yaml);
    }

    /** Runs a 5-minute scenario with these expectations and returns their verdicts. */
    static List<Verdict> judge(List<HasMetadata> platform, String expectations) {
        ScenarioResult r = ScenarioRunnerTest.run(platform, "duration: 5m\nexpectations:\n" + expectations.indent(2));
        return r.verdicts();
    }

    static Verdict judgeOne(List<HasMetadata> platform, String expectation) {
        List<Verdict> v = judge(platform, "- " + expectation);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).type()).isEqualTo("reachability");
        return v.get(0);
    }

    // {from, onlyTo}

    @Test
    void aWorkloadThatReachesOnlyTheListedTargetsPassesAndSaysWhatItReaches() {
        Verdict v = judgeOne(shop(), "reachability: {from: shop/web, onlyTo: [\"shop/api:8000\", \"dns:53/UDP\", \"dns:53/TCP\"]}");
        assertThat(v.passed()).isTrue();
        assertThat(v.name()).isEqualTo("shop/web reaches only shop/api:8000, dns:53/UDP, dns:53/TCP");
        assertThat(v.detail()).isEqualTo("Deployment shop/web reaches only Deployment kube-system/coredns (TCP 53, UDP 53), Deployment shop/api (TCP 8000)");
    }

    @Test
    void aConnectionToATargetNotListedFailsWithTheRuleThatAllowedItAndTheUnisolatedSide() {
        Verdict v = judgeOne(shop(), "reachability: {from: web, onlyTo: [api]}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail())
                .startsWith("1 connection beyond the intent: Deployment shop/web -> Deployment kube-system/coredns (TCP 53, UDP 53); counterexample: shop/web-")
                .contains(" -> kube-system/coredns UDP 53 is allowed: egress allowed by shop/allow-dns egress[0].to[0] "
                        + "(namespaceSelector kubernetes.io/metadata.name=kube-system and podSelector k8s-app=kube-dns); "
                        + "ingress not isolated: no NetworkPolicy selects kube-system/coredns for ingress");
    }

    @Test
    void aListedTargetOnAnotherPortThanTheOneOpenFailsNamingTheRuleOnEachSide() {
        Verdict v = judgeOne(shop(), "reachability: {from: web, onlyTo: [\"api:9000\", dns]}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).startsWith("1 connection beyond the intent: Deployment shop/web -> Deployment shop/api (TCP 8000); counterexample: ")
                .contains("TCP 8000 is allowed: egress allowed by shop/web egress[0].to[0] (podSelector app=api); "
                        + "ingress allowed by shop/api ingress[0].from[0] (podSelector app=web)");
    }

    @Test
    void theWorldMayBeTheSourceOfAnOnlyToIntent() {
        Verdict v = judgeOne(shop(), "reachability: {from: world, onlyTo: [\"shop/web:3000\", \"ops/debug\", dns]}");
        assertThat(v.passed()).isTrue();
        assertThat(v.detail()).isEqualTo("External world reaches only Deployment kube-system/coredns (all ports), Deployment ops/debug (all ports), "
                + "Deployment shop/web (TCP 3000)");
    }

    // {to, onlyFrom}

    @Test
    void aDatabaseReachedOnlyByTheApiPasses() {
        Verdict v = judgeOne(shop(), "reachability: {to: shop/db, port: 5432, onlyFrom: [shop/api]}");
        assertThat(v.passed()).isTrue();
        assertThat(v.name()).isEqualTo("only shop/api reaches shop/db on TCP 5432");
        assertThat(v.detail()).isEqualTo("StatefulSet shop/db is reached only by Deployment shop/api (TCP 5432) on TCP 5432");
    }

    @Test
    void aDatabaseOpenedToEveryPeerFailsListingEachUnwantedSourceWithTheRuleAndTheUnisolatedEgress() {
        Verdict v = judgeOne(shopWithOpenDatabase(), "reachability: {to: shop/db, port: 5432, onlyFrom: [shop/api]}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail())
                .startsWith("3 connections beyond the intent: Deployment kube-system/coredns -> StatefulSet shop/db (TCP 5432), "
                        + "Deployment ops/debug -> StatefulSet shop/db (TCP 5432), External world -> StatefulSet shop/db (TCP 5432); ")
                .contains("counterexample: kube-system/coredns -> shop/db-0 TCP 5432 is allowed: "
                        + "egress not isolated: no NetworkPolicy selects kube-system/coredns for egress; "
                        + "ingress allowed by shop/db-debug ingress[0] (any peer)");
    }

    @Test
    void theWorldAsAListedSourceIsTheOnlyOneThatReachesTheWebFrontend() {
        Verdict v = judgeOne(shop(), "reachability: {to: web, onlyFrom: [world]}");
        assertThat(v.passed()).isTrue();
        assertThat(v.detail()).isEqualTo("Deployment shop/web is reached only by External world (TCP 3000)");
    }

    // {from, to, allowed}

    @Test
    void aDeniedConnectionPasses() {
        Verdict v = judgeOne(shop(), "reachability: {from: shop/web, to: shop/db, port: 5432, allowed: false}");
        assertThat(v.passed()).isTrue();
        assertThat(v.name()).isEqualTo("shop/web may not reach shop/db on TCP 5432");
        assertThat(v.detail()).isEqualTo("no pod pair may open TCP 5432: Deployment shop/web -> StatefulSet shop/db");
    }

    @Test
    void aConnectionThatShouldBeDeniedButIsAllowedFailsWithTheRuleOnEachSide() {
        Verdict v = judgeOne(shop(), "reachability: {from: shop/api, to: shop/db, port: 5432, protocol: tcp, allowed: false}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).startsWith("some pod pair may open TCP 5432: Deployment shop/api -> StatefulSet shop/db; counterexample: shop/api-")
                .contains(" -> shop/db-0 TCP 5432 is allowed: egress allowed by shop/api egress[0].to[0] (podSelector app=db); "
                        + "ingress allowed by shop/db ingress[0].from[0] (podSelector app=api)");
    }

    @Test
    void aWantedConnectionOnAPortNoRuleOpensFailsSayingWhichSidesDenyItAndWhatTheyOpen() {
        Verdict v = judgeOne(shop(), "reachability: {from: shop/api, to: shop/db, port: 5433, allowed: true}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).startsWith("not every pod pair may open TCP 5433: Deployment shop/api -> StatefulSet shop/db; counterexample: shop/api-")
                .contains(" -> shop/db-0 TCP 5433 is denied by the egress of shop/api-")
                .contains("(isolated by shop/default-deny, shop/allow-dns, shop/api; shop/api egress[0].to[0] matches the peer but opens only TCP 5432)")
                .endsWith("and by the ingress of shop/db-0 (isolated by shop/default-deny, shop/db; shop/db ingress[0].from[0] matches the peer but opens only TCP 5432)");
    }

    @Test
    void withoutAPortAllowedMeansSomePortIsOpenAndDeniedMeansNone() {
        List<Verdict> v = judge(shop(), """
                - reachability: {from: shop/web, to: shop/api, allowed: true}
                - reachability: {from: shop/web, to: shop/db, allowed: false}
                - reachability: {from: shop/web, to: shop/db, allowed: true}
                """);
        assertThat(v).extracting(Verdict::passed).containsExactly(true, true, false);
        assertThat(v.get(0).detail()).isEqualTo("every pod pair may open some port: Deployment shop/web -> Deployment shop/api");
        assertThat(v.get(2).detail()).contains(" -> shop/db-0 is denied on every port (TCP 5432 for one) by the egress of shop/web-")
                .contains("(isolated by shop/default-deny, shop/allow-dns, shop/web; no rule admits the destination)")
                .endsWith("and by the ingress of shop/db-0 (isolated by shop/default-deny, shop/db; no rule admits the source)");
    }

    @Test
    void aWorkloadWithNoRunningPodCannotReachAnything() {
        Verdict v = judgeOne(shop(), "reachability: {from: shop/web, to: shop/reports, allowed: true}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).isEqualTo("Deployment shop/reports has no running pod (1 pending), so shop/web cannot reach shop/reports");
    }

    // `*`, dns and world

    @Test
    void everyPodReachesDnsWhenEveryNamespaceAllowsIt() {
        Verdict v = judgeOne(shop(), "reachability: {from: \"*\", to: dns, port: 53, protocol: UDP, allowed: true}");
        assertThat(v.passed()).isTrue();
        assertThat(v.name()).isEqualTo("* may reach dns on UDP 53");
        // `*` is every running in-cluster workload but the one on the other side: not the world, not the pending
        // shop/reports, not the DNS pods themselves.
        assertThat(v.detail()).isEqualTo("every pod pair may open UDP 53: Deployment ops/debug -> Deployment kube-system/coredns, "
                + "Deployment shop/api -> Deployment kube-system/coredns, StatefulSet shop/db -> Deployment kube-system/coredns, "
                + "Deployment shop/web -> Deployment kube-system/coredns");
    }

    @Test
    void aNamespaceWhoseDefaultDenyForgotDnsBreaksEveryPodReachesDns() {
        Verdict v = judgeOne(shopWithBatchWithoutDns(), "reachability: {from: \"*\", to: dns, port: 53, protocol: UDP, allowed: true}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).startsWith("not every pod pair may open UDP 53: Deployment batch/importer -> Deployment kube-system/coredns (1 of 5 workload pairs); "
                        + "counterexample: batch/importer-")
                .endsWith(" -> kube-system/coredns UDP 53 is denied by the egress of " + v.detail().replaceAll(".*counterexample: (batch/importer-\\S+) .*", "$1")
                        + " (isolated by batch/default-deny; no rule admits the destination)");
    }

    @Test
    void starAsTheDestinationMeansEveryInClusterWorkloadButNotTheWorld() {
        List<Verdict> v = judge(shop(), """
                - reachability: {from: shop/web, to: "*", port: 5432, allowed: false}
                - reachability: {from: world, to: "*", allowed: true}
                """);
        assertThat(v.get(0).passed()).isTrue();
        assertThat(v.get(1).passed()).isFalse();
        assertThat(v.get(1).detail()).startsWith("not every pod pair may open some port: External world -> Deployment shop/api, External world -> StatefulSet shop/db "
                + "(2 of 5 workload pairs); counterexample: world (203.0.113.10) -> shop/api-");
    }

    @Test
    void theWorldReachingAnOpenedDatabaseIsACounterexampleWithNoEgressPolicy() {
        Verdict v = judgeOne(shopWithOpenDatabase(), "reachability: {from: world, to: db, allowed: false}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).isEqualTo("some pod pair may open any port: External world -> StatefulSet shop/db; counterexample: world (203.0.113.10) -> shop/db-0 "
                + "TCP 5432 is allowed: egress not policed: world (203.0.113.10) is outside the cluster; ingress allowed by shop/db-debug ingress[0] (any peer)");
    }

    @Test
    void anUnpolicedWorkloadReachingDnsShowsBothSidesNotIsolated() {
        Verdict v = judgeOne(shop(), "reachability: {from: ops/debug, to: dns, port: 53/udp, allowed: false}");
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).contains(" -> kube-system/coredns UDP 53 is allowed: egress not isolated: no NetworkPolicy selects ops/debug-")
                .endsWith(" for egress; ingress not isolated: no NetworkPolicy selects kube-system/coredns for ingress");
    }

    @Test
    void aGivenNameIsKeptAndSeveralIntentsAreJudgedOnTheSameCluster() {
        List<Verdict> v = judge(shop(), """
                - name: frontend can only communicate with the backend API
                  reachability: {from: shop/web, onlyTo: ["shop/api:8000", "dns:53/UDP", "dns:53/TCP"]}
                - name: database only accepts connections from the backend
                  reachability: {to: shop/db, onlyFrom: [shop/api]}
                - name: all pods can access DNS
                  reachability: {from: "*", to: dns, port: 53, protocol: UDP, allowed: true}
                """);
        assertThat(v).extracting(Verdict::name).containsExactly("frontend can only communicate with the backend API",
                "database only accepts connections from the backend", "all pods can access DNS");
        assertThat(v).allMatch(Verdict::passed);
    }

    // Bad input

    static Stream<Arguments> badIntents() {
        return Stream.of(
                Arguments.of("an unknown workload", "{from: shop/nope, to: dns, allowed: true}", "spec.expectations[0].reachability.from",
                        "unknown workload \"shop/nope\"", "or dns, world, or \"*\""),
                Arguments.of("an unknown workload in onlyTo", "{from: web, onlyTo: [api, \"cache:6379\"]}", "spec.expectations[0].reachability.onlyTo[1]",
                        "unknown workload \"cache\"", "shop/"),
                Arguments.of("a port out of range", "{from: web, to: api, port: 70000, allowed: true}", "spec.expectations[0].reachability.port",
                        "port 70000 is out of range", "1 to 65535"),
                Arguments.of("a port of zero in onlyFrom", "{to: db, onlyFrom: [\"api:0\"]}", "spec.expectations[0].reachability.onlyFrom[0]",
                        "port 0 is out of range", "1 to 65535"),
                Arguments.of("a named port", "{from: web, onlyTo: [\"db:postgres\"]}", "spec.expectations[0].reachability.onlyTo[0]",
                        "named port \"postgres\" cannot be judged", "port number"),
                Arguments.of("an unknown protocol", "{from: web, to: api, port: 53, protocol: QUIC, allowed: true}", "spec.expectations[0].reachability.protocol",
                        "unknown protocol QUIC", "TCP, UDP or SCTP"),
                Arguments.of("two protocols that disagree", "{from: web, to: api, port: 53/UDP, protocol: TCP, allowed: true}",
                        "spec.expectations[0].reachability.protocol", "protocol TCP contradicts port 53/UDP", "once"),
                Arguments.of("allowed that is not a boolean", "{from: web, to: api, allowed: sometimes}", "spec.expectations[0].reachability.allowed",
                        "allowed must be true or false", "allowed: true"),
                Arguments.of("a connection without allowed", "{from: web, to: api}", "spec.expectations[0].reachability",
                        "needs from, to and allowed", "onlyTo"),
                Arguments.of("onlyTo with a to", "{from: web, to: api, onlyTo: [api]}", "spec.expectations[0].reachability",
                        "onlyTo needs from", "onlyTo"),
                Arguments.of("onlyFrom without a to", "{onlyFrom: [api]}", "spec.expectations[0].reachability",
                        "onlyFrom needs to", "onlyFrom"),
                Arguments.of("an unknown field", "{from: web, to: api, allowed: true, via: mesh}", "spec.expectations[0].reachability.via",
                        "unknown field via", "onlyFrom"),
                Arguments.of("a list entry that is not a name", "{from: web, onlyTo: [8000]}", "spec.expectations[0].reachability.onlyTo[0]",
                        "expected TARGET or \"TARGET:PORT[/PROTOCOL]\"", "dns:53/UDP"));
    }

    @ParameterizedTest(name = "{0} is reported at {2}")
    @MethodSource("badIntents")
    void badIntentsNameTheFieldAndSayHowToFixIt(String what, String intent, String path, String message, String hint) {
        List<FieldError> errors = parseErrors("expectations: [{reachability: " + intent + "}]");
        assertThat(errors).filteredOn(e -> e.path().equals(path)).first()
                .satisfies(e -> assertThat(e.message()).contains(message))
                .satisfies(e -> assertThat(e.hint()).contains(hint));
    }

    @Test
    void anIntentIsJudgedAtTheEndOfTheRunSoItTakesNoWindow() {
        List<FieldError> errors = parseErrors("expectations: [{reachability: {from: web, to: api, allowed: true}, window: {from: 1m}}]");
        assertThat(errors).extracting(FieldError::path).containsExactly("spec.expectations[0].window");
    }

    static List<FieldError> parseErrors(String spec) {
        Scenario s = Yaml.read(Scenario.class, "apiVersion: sandtable.dev/v1alpha1\nkind: Scenario\nmetadata: {name: bad}\nspec:\n" + spec.indent(2));
        ParseContext ctx = new ParseContext(shop(), ScenarioFiles.NONE);
        assertThat(ScenarioParser.parse(s, ctx)).isNull();
        return ctx.errors();
    }

    @Test
    void theVerdictsAreTheSameOnEveryRun() {
        String intents = "- reachability: {from: \"*\", to: shop/db, allowed: false}\n- reachability: {from: web, onlyTo: [api]}";
        assertThat(judge(shopWithOpenDatabase(), intents)).isEqualTo(judge(shopWithOpenDatabase(), intents));
    }
}
