package dev.sandtable.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.Pods;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    static NodePool pool(String name, int count, String taint) {
        return Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: %s}
                spec:
                  capacity: {cpu: "4", memory: 16Gi}
                  initialCount: %d
                  labels: {pool: %s}
                  taints: %s
                """.formatted(name, count, name, taint == null ? "[]" : "[{key: dedicated, value: " + taint + ", effect: NoSchedule}]"));
    }

    static Deployment deployment(String name, int replicas, String cpu, String pool) {
        return Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      nodeSelector: %s
                      tolerations: [{key: dedicated, operator: Exists}]
                      containers:
                        - name: main
                          image: example/%s:1
                          resources: {requests: {cpu: %s, memory: 128Mi}}
                """.formatted(name, replicas, name, name, pool == null ? "{}" : "{pool: " + pool + "}", name, cpu));
    }

    static Simulation run(Duration d, HasMetadata... objects) {
        Simulation sim = new Simulation(7);
        sim.apply(List.of(objects));
        sim.runFor(d);
        return sim;
    }

    @Test
    void nodePoolsRegisterTheirInitialNodesWithPoolLabelsAndTaints() {
        Simulation sim = run(Duration.ofSeconds(1), pool("web", 3, null), pool("db", 1, "db"));
        assertThat(sim.nodes()).hasSize(4);
        Node db = sim.nodes().stream().filter(n -> "db".equals(n.getMetadata().getLabels().get("pool"))).findFirst().orElseThrow();
        assertThat(db.getSpec().getTaints()).extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly("dedicated=db:NoSchedule");
        assertThat(db.getMetadata().getLabels()).containsEntry("sandtable.dev/nodepool", "db").containsKey("topology.kubernetes.io/zone");
    }

    @Test
    void aDeploymentOfTwentyThousandReplicasGetsThemAllThoughSomeGeneratedNamesCollide() {
        Simulation sim = run(Duration.ofSeconds(1), deployment("web", 20_000, "10m", null));
        assertThat(sim.store().list(Pod.class)).hasSize(20_000);
    }

    @Test
    void podsOfALongNamedDeploymentHaveNamesOfAtMost63Characters() {
        String name = "a-deployment-name-long-enough-that-its-replicaset-name-is-beyond-the-limit";
        Simulation sim = run(Duration.ofSeconds(1), deployment(name, 3, "10m", null));
        String rs = sim.store().list(ReplicaSet.class).get(0).getMetadata().getName();
        assertThat(sim.store().list(Pod.class)).extracting(p -> p.getMetadata().getName())
                .allSatisfy(n -> assertThat(n).hasSize(63).startsWith(rs.substring(0, 58)));
    }

    @Test
    void aDeploymentGetsOneReplicaSetNamedByTemplateHashAndAllItsPodsRunAndReady() {
        Simulation sim = run(Duration.ofMinutes(1), pool("web", 2, null), deployment("shop", 3, "500m", "web"));
        List<ReplicaSet> rs = sim.store().list(ReplicaSet.class);
        assertThat(rs).hasSize(1);
        String hash = rs.get(0).getMetadata().getLabels().get("pod-template-hash");
        assertThat(rs.get(0).getMetadata().getName()).isEqualTo("shop-" + hash);
        List<Pod> pods = sim.store().list(Pod.class);
        assertThat(pods).hasSize(3).allMatch(Pods::isRunningAndReady)
                .allSatisfy(p -> assertThat(p.getMetadata().getName()).matches("shop-" + hash + "-[a-z0-9]{5}"));
        Deployment d = sim.store().list(Deployment.class).get(0);
        assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
    }

    @Test
    void podsThatFitNowhereStayPendingWithTheSchedulerMessage() {
        Simulation sim = run(Duration.ofMinutes(1), pool("web", 2, null), pool("db", 1, "db"), deployment("huge", 1, "6", null));
        Pod p = sim.store().list(Pod.class).get(0);
        assertThat(p.getSpec().getNodeName()).isNull();
        assertThat(Pods.condition(p, "PodScheduled").getMessage()).isEqualTo("0/3 nodes are available: 3 Insufficient cpu. "
                + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.");
    }

    @Test
    void untoleratedTaintsAndSelectorsAreReportedPerNode() {
        Deployment d = deployment("picky", 1, "100m", "web");
        d.getSpec().getTemplate().getSpec().setTolerations(List.of());
        Simulation sim = run(Duration.ofMinutes(1), pool("web", 2, "web"), pool("db", 1, null), d);
        Pod p = sim.store().list(Pod.class).get(0);
        assertThat(Pods.condition(p, "PodScheduled").getMessage())
                .isEqualTo("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {dedicated: web}. "
                        + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    }

    @Test
    void aStatefulSetStartsOrdinalsOneAtATimeEachAfterThePreviousIsReady() {
        StatefulSet set = Yaml.read(StatefulSet.class, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: pg, namespace: data}
                spec:
                  serviceName: pg
                  replicas: 3
                  selector: {matchLabels: {app: pg}}
                  template:
                    metadata: {labels: {app: pg}}
                    spec:
                      containers:
                        - name: pg
                          image: postgres:16
                          readinessProbe: {tcpSocket: {port: 5432}, initialDelaySeconds: 10}
                """);
        Simulation sim = run(Duration.ofSeconds(5), pool("db", 1, null), set);
        assertThat(sim.store().list(Pod.class)).extracting(p -> p.getMetadata().getName()).containsExactly("pg-0");
        sim.runFor(Duration.ofMinutes(2));
        List<Pod> pods = new ArrayList<>(sim.store().list(Pod.class));
        pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("pg-0", "pg-1", "pg-2");
        assertThat(pods).allMatch(Pods::isRunningAndReady);
        Instant ready0 = Instant.parse(Pods.condition(pods.get(0), "Ready").getLastTransitionTime());
        Instant created1 = Instant.parse(pods.get(1).getMetadata().getCreationTimestamp());
        assertThat(created1).isAfterOrEqualTo(ready0);
        assertThat(pods.get(2).getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "pg-2")
                .containsEntry("apps.kubernetes.io/pod-index", "2");
    }

    @Test
    void aDaemonSetRunsOnEveryNodeWhoseTaintsItTolerates() {
        DaemonSet ds = Yaml.read(DaemonSet.class, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: kube-system}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      containers: [{name: agent, image: agent:1, resources: {requests: {cpu: 10m}}}]
                """);
        Simulation sim = run(Duration.ofMinutes(1), pool("web", 2, null), pool("db", 1, "db"), ds);
        List<Pod> pods = sim.store().list(Pod.class);
        assertThat(pods).hasSize(2).allMatch(Pods::isRunningAndReady);
        assertThat(pods).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("web-"));
        assertThat(sim.store().list(DaemonSet.class).get(0).getStatus().getDesiredNumberScheduled()).isEqualTo(2);
    }

    @Test
    void deletingADeploymentCascadesToItsReplicaSetAndPods() {
        Simulation sim = run(Duration.ofMinutes(1), pool("web", 1, null), deployment("shop", 2, "100m", "web"));
        sim.store().delete(sim.store().list(Deployment.class).get(0));
        assertThat(sim.store().list(ReplicaSet.class)).isEmpty();
        assertThat(sim.store().list(Pod.class)).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSamePodNamesAndPlacements() {
        List<String> a = placements(run(Duration.ofMinutes(1), pool("web", 4, null), deployment("shop", 12, "100m", "web")));
        List<String> b = placements(run(Duration.ofMinutes(1), pool("web", 4, null), deployment("shop", 12, "100m", "web")));
        assertThat(a).hasSize(12).isEqualTo(b);
    }

    private static List<String> placements(Simulation sim) {
        return sim.store().list(Pod.class).stream().map(p -> p.getMetadata().getName() + "@" + p.getSpec().getNodeName()).toList();
    }
}
