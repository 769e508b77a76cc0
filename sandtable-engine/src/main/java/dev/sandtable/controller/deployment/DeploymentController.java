package dev.sandtable.controller.deployment;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.controller.StoreController;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors kube-controller-manager v1.31 pkg/controller/deployment for creation and scaling: one
 * ReplicaSet per pod template (named by its pod-template-hash) sized to spec.replicas, and the status roll-up.
 */
public final class DeploymentController extends StoreController {
    public static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

    // The template hash of each Deployment's current generation: serializing the template on every sync cost more
    // than the rest of the sync.
    private record HashOf(long generation, Integer collisionCount, String hash) {
    }

    private final Map<String, HashOf> hashes = new HashMap<>();

    public DeploymentController(ObjectStore store) {
        super(store);
        store.watch(Deployment.class, e -> {
            if (e.type() == dev.sandtable.api.WatchEvent.Type.DELETED) {
                hashes.remove(e.object().getMetadata().getUid());
            }
            enqueue(key(e.object()));
        });
        store.watch(ReplicaSet.class, e -> enqueueController(e.object(), "Deployment"));
    }

    @Override
    public String name() {
        return "deployment-controller";
    }

    @Override
    protected void reconcile(String key) {
        Deployment d = get(Deployment.class, key);
        if (d == null) {
            return;
        }
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        String hash = templateHash(d);
        ReplicaSet current = null;
        List<ReplicaSet> old = new ArrayList<>();
        for (ReplicaSet rs : store.ownedBy(ReplicaSet.class, d)) {
            if (hash.equals(Pods.labels(rs).get(PodTemplateHash.LABEL))) {
                current = rs;
            } else {
                old.add(rs);
            }
        }
        if (current == null) {
            current = store.create(newReplicaSet(d, hash, desired, old.size() + 1));
        } else if (!Objects.equals(current.getSpec().getReplicas(), desired)) {
            current.getSpec().setReplicas(desired);
            store.update(current);
        }
        // Rolling updates are not simulated yet: a changed template replaces the old ReplicaSets at once.
        for (ReplicaSet rs : old) {
            if (rs.getSpec().getReplicas() == null || rs.getSpec().getReplicas() != 0) {
                rs.getSpec().setReplicas(0);
                store.update(rs);
            }
        }
        updateStatus(d, current, old, desired);
    }

    private String templateHash(Deployment d) {
        Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        HashOf known = hashes.get(d.getMetadata().getUid());
        if (known == null || known.generation() != generation || !Objects.equals(known.collisionCount(), collisions)) {
            known = new HashOf(generation, collisions, PodTemplateHash.of(d.getSpec().getTemplate(), collisions));
            hashes.put(d.getMetadata().getUid(), known);
        }
        return known.hash();
    }

    private ReplicaSet newReplicaSet(Deployment d, String hash, int replicas, int revision) {
        PodTemplateSpec template = new PodTemplateSpecBuilder(d.getSpec().getTemplate()).build();
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
        labels.put(PodTemplateHash.LABEL, hash);
        template.getMetadata().setLabels(labels);
        LabelSelector selector = new LabelSelector(
                d.getSpec().getSelector().getMatchExpressions(),
                new HashMap<>(d.getSpec().getSelector().getMatchLabels() == null ? Map.of() : d.getSpec().getSelector().getMatchLabels()));
        selector.getMatchLabels().put(PodTemplateHash.LABEL, hash);
        ObjectMeta meta = new ObjectMeta();
        meta.setName(d.getMetadata().getName() + "-" + hash);
        meta.setNamespace(d.getMetadata().getNamespace());
        meta.setLabels(new HashMap<>(labels));
        meta.setAnnotations(new HashMap<>(Map.of(REVISION_ANNOTATION, Integer.toString(revision),
                "deployment.kubernetes.io/desired-replicas", Integer.toString(replicas))));
        meta.setOwnerReferences(new ArrayList<>(List.of(Pods.controllerRef(d))));
        ReplicaSetSpec spec = new ReplicaSetSpec();
        spec.setReplicas(replicas);
        spec.setMinReadySeconds(d.getSpec().getMinReadySeconds());
        spec.setSelector(selector);
        spec.setTemplate(template);
        ReplicaSet rs = new ReplicaSet();
        rs.setApiVersion("apps/v1");
        rs.setKind("ReplicaSet");
        rs.setMetadata(meta);
        rs.setSpec(spec);
        return rs;
    }

    private void updateStatus(Deployment d, ReplicaSet current, List<ReplicaSet> old, int desired) {
        int replicas = 0, ready = 0, available = 0;
        for (ReplicaSet rs : concat(current, old)) {
            if (rs.getStatus() != null) {
                replicas += nz(rs.getStatus().getReplicas());
                ready += nz(rs.getStatus().getReadyReplicas());
                available += nz(rs.getStatus().getAvailableReplicas());
            }
        }
        int updated = current.getStatus() == null ? 0 : nz(current.getStatus().getReplicas());
        DeploymentStatus s = new DeploymentStatus();
        s.setObservedGeneration(d.getMetadata().getGeneration());
        s.setReplicas(replicas);
        s.setUpdatedReplicas(updated);
        s.setReadyReplicas(ready);
        s.setAvailableReplicas(available);
        s.setUnavailableReplicas(Math.max(0, replicas - available));
        s.setCollisionCount(d.getStatus() == null ? null : d.getStatus().getCollisionCount());
        boolean minimumAvailable = available >= desired - maxUnavailable(d, desired);
        s.setConditions(List.of(condition(d, "Available", minimumAvailable ? "True" : "False",
                minimumAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                minimumAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")));
        DeploymentStatus prev = d.getStatus();
        if (prev == null || !Objects.equals(prev.getReplicas(), s.getReplicas()) || !Objects.equals(prev.getReadyReplicas(), s.getReadyReplicas())
                || !Objects.equals(prev.getAvailableReplicas(), s.getAvailableReplicas()) || !Objects.equals(prev.getUpdatedReplicas(), s.getUpdatedReplicas())
                || !Objects.equals(prev.getObservedGeneration(), s.getObservedGeneration())
                || !Objects.equals(conditionStatus(prev), conditionStatus(s))) {
            d.setStatus(s);
            store.updateStatus(d);
        }
    }

    private DeploymentCondition condition(Deployment d, String type, String status, String reason, String message) {
        String now = clock.timestamp();
        if (d.getStatus() != null && d.getStatus().getConditions() != null) {
            for (DeploymentCondition c : d.getStatus().getConditions()) {
                if (type.equals(c.getType()) && status.equals(c.getStatus())) {
                    return c;
                }
            }
        }
        return new DeploymentCondition(now, now, message, reason, status, type);
    }

    private static String conditionStatus(DeploymentStatus s) {
        return s.getConditions() == null || s.getConditions().isEmpty() ? null : s.getConditions().get(0).getStatus();
    }

    /** spec.strategy.rollingUpdate.maxUnavailable resolved against replicas (default 25%, rounded down). */
    static int maxUnavailable(Deployment d, int replicas) {
        var strategy = d.getSpec().getStrategy();
        if (strategy != null && "Recreate".equals(strategy.getType())) {
            return 0;
        }
        var ru = strategy == null ? null : strategy.getRollingUpdate();
        var v = ru == null ? null : ru.getMaxUnavailable();
        if (v == null) {
            return replicas * 25 / 100;
        }
        if (v.getIntVal() != null) {
            return Math.min(v.getIntVal(), replicas);
        }
        String pct = v.getStrVal().replace("%", "");
        return Math.min(replicas * Integer.parseInt(pct) / 100, replicas);
    }

    private static List<ReplicaSet> concat(ReplicaSet current, List<ReplicaSet> old) {
        List<ReplicaSet> all = new ArrayList<>(old);
        all.add(current);
        return all;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
