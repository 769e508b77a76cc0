package dev.sandtable.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates nodes and pods shaped like kube-scheduler's scheduler_perf templates (node: 4 cpu, 32Gi, 110 pods;
 * pod: 100m cpu, 500Mi), with the labels and constraints each {@link Workload} needs.
 */
public final class SyntheticCluster {
    public static final int ZONES = 3;
    /** The namespace of every generated workload object. */
    public static final String NAMESPACE = "bench";

    private SyntheticCluster() {
    }

    public static List<Node> nodes(int count) {
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "node-" + i;
            String zone = "zone-" + (i % ZONES);
            nodes.add(new NodeBuilder()
                    .withNewMetadata().withName(name)
                    .withLabels(Map.of("kubernetes.io/hostname", name, "topology.kubernetes.io/zone", zone,
                            "topology.kubernetes.io/region", "region-0", "kubernetes.io/os", "linux"))
                    .endMetadata()
                    .withNewSpec().endSpec()
                    .withNewStatus()
                    .withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("32Gi"), "pods", new Quantity("110")))
                    .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("32Gi"), "pods", new Quantity("110")))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .endStatus()
                    .build());
        }
        return nodes;
    }

    /**
     * Deployments named prefix-0.. in namespace bench with the given replicas each (the last one takes the remainder),
     * each followed by a Service selecting its pods, so that their pods get the system default spreading.
     */
    public static List<HasMetadata> deployments(String prefix, int pods, int replicas) {
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i * replicas < pods; i++) {
            String name = prefix + "-" + i;
            Map<String, String> labels = Map.of("app", name);
            out.add(new DeploymentBuilder()
                    .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels).endMetadata()
                    .withNewSpec().withReplicas(Math.min(replicas, pods - i * replicas))
                    .withNewSelector().withMatchLabels(labels).endSelector()
                    .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("registry.k8s.io/pause:3.10")
                    .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("500Mi"))).endResources()
                    .endContainer().endSpec().endTemplate()
                    .endSpec().build());
            out.add(new ServiceBuilder()
                    .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                    .withNewSpec().withSelector(labels).addNewPort().withPort(80).withNewTargetPort(8080).endPort().endSpec()
                    .build());
        }
        return out;
    }

    /** The workload's objects: bare pods, or for controller-made workloads the Deployments and Services that make them. */
    public static List<HasMetadata> objects(Workload workload, String prefix, int pods, int replicas) {
        if (workload.controllerMade()) {
            return deployments(prefix, pods, replicas);
        }
        return new ArrayList<>(pods(workload, prefix, pods));
    }

    /** Pods named prefix-0..n-1 in namespace bench, each of group (i mod groups) where a workload relates pods. */
    public static List<Pod> pods(Workload workload, String prefix, int count) {
        List<Pod> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String group = "g" + (i % 100);
            PodBuilder b = new PodBuilder()
                    .withNewMetadata().withName(prefix + "-" + i).withNamespace(NAMESPACE).withLabels(Map.of("app", "bench", "group", group)).endMetadata()
                    .withNewSpec()
                    .addNewContainer().withName("c").withImage("registry.k8s.io/pause:3.10")
                    .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("500Mi"))).endResources()
                    .endContainer()
                    .endSpec();
            switch (workload) {
                case BASIC -> {
                }
                case TOPOLOGY_SPREAD -> b.editSpec().addNewTopologySpreadConstraint().withMaxSkew(1)
                        .withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("DoNotSchedule")
                        .withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                        .endTopologySpreadConstraint().endSpec();
                case NODE_AFFINITY -> b.editSpec().withNewAffinity().withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                        .addNewMatchExpression().withKey("topology.kubernetes.io/zone").withOperator("In").withValues("zone-0", "zone-1").endMatchExpression()
                        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endNodeAffinity().endAffinity().endSpec();
                case PREFERRED_POD_AFFINITY -> b.editSpec().withNewAffinity().withNewPodAffinity()
                        .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(1).withNewPodAffinityTerm()
                        .withTopologyKey("topology.kubernetes.io/zone").withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                        .endPodAffinityTerm().endPreferredDuringSchedulingIgnoredDuringExecution()
                        .endPodAffinity().endAffinity().endSpec();
                case REQUIRED_POD_ANTI_AFFINITY -> b.editSpec().withNewAffinity().withNewPodAntiAffinity()
                        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endPodAntiAffinity().endAffinity().endSpec();
                case SPREAD_ANTI_AFFINITY -> b.editSpec().addNewTopologySpreadConstraint().withMaxSkew(1)
                        .withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("DoNotSchedule")
                        .withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                        .endTopologySpreadConstraint()
                        .withNewAffinity().withNewPodAntiAffinity()
                        .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(1).withNewPodAffinityTerm()
                        .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                        .endPodAffinityTerm().endPreferredDuringSchedulingIgnoredDuringExecution()
                        .endPodAntiAffinity().endAffinity().endSpec();
                case DEPLOYMENTS -> {
                    // What a Deployment of 100 replicas gets from its ReplicaSet; the benchmark creates the Deployments themselves.
                    String owner = prefix + "-" + (i / 100);
                    b.editMetadata().withLabels(Map.of("app", owner)).addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                            .withName(owner).withUid("uid-" + owner).withController(true).endOwnerReference().endMetadata();
                }
            }
            pods.add(b.build());
        }
        return pods;
    }
}
