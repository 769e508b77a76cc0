package dev.sandtable.controller.replicaset;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.controller.StoreController;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Mirrors kube-controller-manager v1.31 pkg/controller/replicaset: keeps spec.replicas active pods,
 * creating at most burstReplicas per sync and deleting the least valuable pods first.
 */
public final class ReplicaSetController extends StoreController {
    static final int BURST_REPLICAS = 500;

    public ReplicaSetController(ObjectStore store) {
        super(store);
        store.watch(ReplicaSet.class, e -> enqueue(key(e.object())));
        store.watch(Pod.class, e -> enqueueController(e.object(), "ReplicaSet"));
    }

    @Override
    public String name() {
        return "replicaset-controller";
    }

    @Override
    protected void reconcile(String key) {
        ReplicaSet rs = get(ReplicaSet.class, key);
        if (rs == null) {
            return;
        }
        List<Pod> active = new ArrayList<>();
        for (Pod p : store.ownedBy(Pod.class, rs)) {
            if (Pods.isActive(p)) {
                active.add(p);
            }
        }
        int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        int diff = desired - active.size();
        if (diff > 0) {
            int toCreate = Math.min(diff, BURST_REPLICAS);
            for (int i = 0; i < toCreate; i++) {
                store.create(Pods.fromTemplate(rs.getSpec().getTemplate(), rs, null, rs.getMetadata().getName() + "-"));
            }
            if (diff > BURST_REPLICAS) {
                enqueue(key);
            }
            return;
        }
        if (diff < 0) {
            active.sort(DELETION_ORDER);
            for (int i = 0; i < -diff && i < BURST_REPLICAS; i++) {
                store.delete(active.get(i));
            }
            return;
        }
        updateStatus(rs, active);
    }

    private void updateStatus(ReplicaSet rs, List<Pod> active) {
        int minReady = rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
        int ready = 0;
        int available = 0;
        long nextCheck = Long.MAX_VALUE;
        for (Pod p : active) {
            if (Pods.isReady(p)) {
                ready++;
                long readyFor = readyForMillis(p);
                if (readyFor >= minReady * 1000L) {
                    available++;
                } else {
                    nextCheck = Math.min(nextCheck, minReady * 1000L - readyFor);
                }
            }
        }
        ReplicaSetStatus s = new ReplicaSetStatus();
        s.setReplicas(active.size());
        s.setFullyLabeledReplicas(active.size());
        s.setReadyReplicas(ready);
        s.setAvailableReplicas(available);
        s.setObservedGeneration(rs.getMetadata().getGeneration());
        if (!sameStatus(rs.getStatus(), s)) {
            rs.setStatus(s);
            store.updateStatus(rs);
        }
        if (nextCheck != Long.MAX_VALUE) {
            enqueueAfter(Duration.ofMillis(nextCheck), key(rs));
        }
    }

    private long readyForMillis(Pod p) {
        var c = Pods.condition(p, "Ready");
        if (c == null || c.getLastTransitionTime() == null) {
            return 0;
        }
        return clock.now().toEpochMilli() - Instant.parse(c.getLastTransitionTime()).toEpochMilli();
    }

    private static boolean sameStatus(ReplicaSetStatus a, ReplicaSetStatus b) {
        return a != null && Objects.equals(a.getReplicas(), b.getReplicas())
                && Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
                && Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas())
                && Objects.equals(a.getFullyLabeledReplicas(), b.getFullyLabeledReplicas())
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration());
    }

    /** controller.ActivePods ordering: unassigned, then Pending before Running, not ready before ready, newer before older. */
    static final Comparator<Pod> DELETION_ORDER = Comparator
            .comparing((Pod p) -> p.getSpec().getNodeName() != null)
            .thenComparing(p -> phaseRank(Pods.phase(p)))
            .thenComparing(Pods::isReady)
            .thenComparing((Pod p) -> deletionCost(p))
            .thenComparing((Pod p) -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder())
            .thenComparing((Pod p) -> p.getMetadata().getName());

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 3;
        };
    }

    private static int deletionCost(Pod p) {
        var a = p.getMetadata().getAnnotations();
        String v = a == null ? null : a.get("controller.kubernetes.io/pod-deletion-cost");
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
