package dev.sandtable.controller.disruption;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * The pods/eviction subresource of kube-apiserver v1.31 (pkg/registry/core/pod/storage/eviction.go): deletes a pod
 * unless its PodDisruptionBudget allows no disruption, and counts the disruption against the budget. Node drains and
 * the cluster autoscaler both evict through here.
 */
public final class Eviction {
    private final ObjectStore store;

    public Eviction(ObjectStore store) {
        this.store = store;
    }

    /** What the API server answered: 201 (evicted), 429 (refused for now, retry later) or 500 (never possible as is). */
    public record Result(int code, String message) {
        public boolean evicted() {
            return code == 201;
        }
    }

    /** The PodDisruptionBudgets that select the pod (those the eviction would be checked against). */
    public List<PodDisruptionBudget> budgetsOf(Pod pod) {
        List<PodDisruptionBudget> pdbs = new ArrayList<>();
        for (PodDisruptionBudget pdb : store.list(PodDisruptionBudget.class, pod.getMetadata().getNamespace())) {
            if (DisruptionController.selects(pdb, pod)) {
                pdbs.add(pdb);
            }
        }
        return pdbs;
    }

    /** Evicts the pod, or says why not; a refused eviction changes nothing. */
    public Result evict(Pod pod) {
        String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        if (store.get(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName()).isEmpty()) {
            return new Result(404, "pods \"" + pod.getMetadata().getName() + "\" not found");
        }
        // canIgnorePDB: terminal, pending or already-deleting pods do not count against a budget.
        String phase = Pods.phase(pod);
        if ("Succeeded".equals(phase) || "Failed".equals(phase) || "Pending".equals(phase) || pod.getMetadata().getDeletionTimestamp() != null) {
            store.delete(pod);
            return new Result(201, "evicted " + name);
        }
        List<PodDisruptionBudget> pdbs = budgetsOf(pod);
        if (pdbs.size() > 1) {
            return new Result(500, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }
        if (pdbs.isEmpty()) {
            store.delete(pod);
            return new Result(201, "evicted " + name);
        }
        PodDisruptionBudget pdb = pdbs.get(0);
        var status = pdb.getStatus();
        // IfHealthyBudget (the default policy): an unready pod may go while the budget is already met.
        if (!Pods.isReady(pod) && status != null && status.getCurrentHealthy() != null && status.getDesiredHealthy() != null
                && status.getCurrentHealthy() >= status.getDesiredHealthy()) {
            store.delete(pod);
            return new Result(201, "evicted " + name);
        }
        int allowed = status == null || status.getDisruptionsAllowed() == null ? 0 : status.getDisruptionsAllowed();
        if (allowed <= 0) {
            int desired = status == null || status.getDesiredHealthy() == null ? 0 : status.getDesiredHealthy();
            int healthy = status == null || status.getCurrentHealthy() == null ? 0 : status.getCurrentHealthy();
            return new Result(429, "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget "
                    + pdb.getMetadata().getName() + " needs " + desired + " healthy pods and has " + healthy + " currently");
        }
        status.setDisruptionsAllowed(allowed - 1);
        store.updateStatus(pdb);
        store.delete(pod);
        return new Result(201, "evicted " + name);
    }
}
