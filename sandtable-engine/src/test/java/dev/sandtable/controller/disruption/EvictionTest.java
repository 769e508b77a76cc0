package dev.sandtable.controller.disruption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eviction subresource's answers (kube-apiserver 1.31 eviction.go): 201, 429 while a budget allows nothing, 500 for two budgets. */
class EvictionTest {

    static Simulation cluster(String... pdbs) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(Yaml.read(dev.sandtable.cluster.NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: p}
                spec: {capacity: {cpu: "4", memory: 16Gi}, initialCount: 2}
                """));
        objects.add(Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: i, resources: {requests: {cpu: 100m}}}]}
                """));
        for (String minAvailable : pdbs) {
            objects.add(Yaml.read(PodDisruptionBudget.class, """
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: web-%s, namespace: default}
                    spec: {minAvailable: %s, selector: {matchLabels: {app: web}}}
                    """.formatted(minAvailable, minAvailable)));
        }
        Simulation sim = new Simulation(1);
        sim.apply(objects);
        sim.runFor(Duration.ofMinutes(2));
        return sim;
    }

    static Pod aPod(Simulation sim) {
        return sim.store().list(Pod.class).get(0);
    }

    @Test
    void aPodWithoutABudgetIsEvicted() {
        Simulation sim = cluster();
        Eviction.Result r = new Eviction(sim.store()).evict(aPod(sim));
        assertThat(r.code()).isEqualTo(201);
        assertThat(sim.store().list(Pod.class)).hasSize(2);
    }

    @Test
    void aBudgetWithRoomTakesOneEvictionThenRefusesUntilTheReplacementIsReady() {
        Simulation sim = cluster("2");
        Eviction eviction = new Eviction(sim.store());
        List<Pod> pods = sim.store().list(Pod.class);
        assertThat(eviction.evict(pods.get(0)).code()).isEqualTo(201);
        // Same instant: the budget already counts the first eviction, its healthy count is not recomputed yet.
        Eviction.Result refused = eviction.evict(pods.get(1));
        assertThat(refused.code()).isEqualTo(429);
        assertThat(refused.message()).contains("Cannot evict pod as it would violate the pod's disruption budget").contains("needs 2 healthy pods and has 3 currently");
        sim.runFor(Duration.ofMinutes(1));
        assertThat(eviction.evict(pods.get(1)).code()).isEqualTo(201);
    }

    @Test
    void twoBudgetsForOnePodAreAnError() {
        Simulation sim = cluster("1", "2");
        Eviction.Result r = new Eviction(sim.store()).evict(aPod(sim));
        assertThat(r.code()).isEqualTo(500);
        assertThat(sim.store().list(Pod.class)).hasSize(3);
    }

    @Test
    void aPendingPodIgnoresItsBudget() {
        Simulation sim = cluster("3");
        Pod pending = Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata: {name: waiting, namespace: default, labels: {app: web}}
                spec: {nodeSelector: {nowhere: "true"}, containers: [{name: c, image: i}]}
                """);
        sim.store().create(pending);
        sim.runFor(Duration.ofSeconds(5));
        assertThat(new Eviction(sim.store()).evict(sim.store().get(Pod.class, "default", "waiting").orElseThrow()).code()).isEqualTo(201);
    }
}
