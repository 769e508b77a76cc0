package dev.sandtable.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodWorkloadTest {
    private final ObjectStore store = new ObjectStore(new SimClock(), new SeededRandom(1));

    private static Pod pod(String name, String ownerKind, String ownerName, Map<String, String> labels) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").withLabels(labels).endMetadata();
        if (!ownerKind.isEmpty()) {
            b.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind(ownerKind).withName(ownerName)
                    .withUid("uid-" + ownerName).withController(true).build()).endMetadata();
        }
        return b.build();
    }

    /** Pods whose owner objects are absent, as in a dump of pods alone: the reference names the workload. */
    @ParameterizedTest(name = "{0} {1} with pod-template-hash \"{2}\" is {3} {4}")
    @CsvSource({
            "DaemonSet, calico-node, '', DaemonSet, calico-node",
            "StatefulSet, postgres, '', StatefulSet, postgres",
            "ReplicaSet, web-5d8f7c9b4, 5d8f7c9b4, Deployment, web",
            "ReplicaSet, web-5d8f7c9b4, '', ReplicaSet, web-5d8f7c9b4",
            "ReplicaSet, web-5d8f7c9b4, 0000000000, ReplicaSet, web-5d8f7c9b4",
            "ReplicaSet, 5d8f7c9b4, 5d8f7c9b4, ReplicaSet, 5d8f7c9b4",
            "Job, migrate, '', Job, migrate",
            "'', '', '', Pod, lone",
    })
    void anAbsentOwnerIsNamedByTheControllerReference(String ownerKind, String ownerName, String hash, String kind, String name) {
        Pod p = store.create(pod("lone", ownerKind, ownerName, hash.isEmpty() ? Map.of("app", "x") : Map.of("pod-template-hash", hash)));
        PodWorkload w = PodWorkload.of(store, p);
        assertThat(List.of(w.kind(), w.namespace(), w.name())).containsExactly(kind, "shop", name);
        assertThat(w.owner()).isNull();
    }

    @org.junit.jupiter.api.Test
    void aPresentReplicaSetWhoseDeploymentIsAbsentNamesTheDeploymentAndKeepsTheReplicaSetAsOwner() {
        String deployment = "web";
        ReplicaSet rs = store.create(new ReplicaSetBuilder().withNewMetadata().withName(deployment + "-5d8f7c9b4").withNamespace("shop")
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment").withName(deployment)
                        .withUid("uid-d").withController(true).build()).endMetadata().build());
        Pod p = store.create(pod("web-5d8f7c9b4-abcde", "ReplicaSet", rs.getMetadata().getName(), Map.of("pod-template-hash", "5d8f7c9b4")));
        p.getMetadata().getOwnerReferences().get(0).setUid(rs.getMetadata().getUid());
        PodWorkload w = PodWorkload.of(store, p);
        assertThat(List.of(w.kind(), w.name())).containsExactly("Deployment", deployment);
        assertThat((HasMetadata) w.owner()).isSameAs(rs);
    }
}
