package dev.sandtable.autoscaler;

import dev.sandtable.cluster.NodePool;
import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;

/** Small platforms for the cluster autoscaler's tests. */
final class AutoscalerFixtures {
    private AutoscalerFixtures() {
    }

    static NodePool pool(String name, String cpu, String memory, int min, int max, String extra) {
        return Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: %s}
                spec:
                  provider: none
                  capacity: {cpu: "%s", memory: %s}
                  autoscaling: true
                  minCount: %d
                  maxCount: %d
                %s""".formatted(name, cpu, memory, min, max, extra.indent(2)));
    }

    static Deployment deployment(String name, int replicas, String cpu, String memory, String podSpecExtra) {
        return Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: default}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - name: c
                          image: app:1
                          resources: {requests: {cpu: %s, memory: %s}}
                %s""".formatted(name, replicas, name, name, cpu, memory, podSpecExtra.indent(6)));
    }

    static PodDisruptionBudget pdb(String app, int minAvailable) {
        return Yaml.read(PodDisruptionBudget.class, """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: %s, namespace: default}
                spec: {minAvailable: %d, selector: {matchLabels: {app: %s}}}
                """.formatted(app, minAvailable, app));
    }

    static Simulation run(List<? extends HasMetadata> objects, Duration d) {
        Simulation sim = new Simulation(1);
        sim.apply(objects);
        sim.runFor(d);
        return sim;
    }

    static long nodesOf(Simulation sim, String pool) {
        return sim.nodes().stream().filter(n -> pool.equals(poolOf(n))).count();
    }

    static String poolOf(Node n) {
        return n.getMetadata().getLabels().get("sandtable.dev/nodepool");
    }

    static void scale(Simulation sim, String deployment, int replicas) {
        Deployment d = sim.store().get(Deployment.class, "default", deployment).orElseThrow();
        d.getSpec().setReplicas(replicas);
        sim.store().update(d);
    }
}
