package dev.sandtable.network;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.report.PodWorkload;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Takes the network snapshot of a simulated cluster's API objects once it has settled (pods have their IPs). */
public final class NetworkSnapshots {
    private NetworkSnapshots() {
    }

    /** The running pods only: a workload without one takes part in no connection (scenario expectations judge the run). */
    public static NetworkSnapshot fromStore(ObjectStore store) {
        return builderFromStore(store, false).build();
    }

    /**
     * A builder holding the store's objects, for adding external endpoints before building. With representatives, a
     * workload with no running pod (no node exists, or its pods are pending) stands as one representative pod made from
     * its template, so that manifests alone can be analysed; workloads that run are analysed from their running pods only.
     */
    public static NetworkSnapshot.Builder builderFromStore(ObjectStore store, boolean representatives) {
        NetworkSnapshot.Builder b = NetworkSnapshot.builder();
        for (Namespace ns : store.list(Namespace.class)) {
            b.namespace(ns.getMetadata().getName(), ns.getMetadata().getLabels());
        }
        Map<WorkloadKey, Pod> firstPending = new LinkedHashMap<>();
        Set<WorkloadKey> running = new HashSet<>();
        for (Pod p : store.list(Pod.class)) {
            if (Pods.isActive(p)) {
                WorkloadKey key = workload(store, p);
                b.pod(p, key);
                if (p.getStatus() != null && p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isEmpty()) {
                    running.add(key);
                } else {
                    firstPending.putIfAbsent(key, p);
                }
            }
        }
        if (representatives) {
            addRepresentatives(store, b, firstPending, running);
        }
        store.list(Service.class).forEach(b::service);
        store.list(NetworkPolicy.class).forEach(b::policy);
        return b;
    }

    private static void addRepresentatives(ObjectStore store, NetworkSnapshot.Builder b, Map<WorkloadKey, Pod> firstPending, Set<WorkloadKey> running) {
        String why = store.list(Node.class).isEmpty() ? "no node exists" : "their pods are pending";
        firstPending.forEach((key, pod) -> {
            if (!running.contains(key)) {
                b.representative(pod, key, why);
            }
        });
        // The DaemonSet controller creates no pod without an eligible node: its template stands for it.
        for (DaemonSet ds : store.list(DaemonSet.class)) {
            WorkloadKey key = new WorkloadKey("DaemonSet", ds.getMetadata().getNamespace(), ds.getMetadata().getName());
            if (!running.contains(key) && !firstPending.containsKey(key) && ds.getSpec() != null && ds.getSpec().getTemplate() != null) {
                var labels = ds.getSpec().getTemplate().getMetadata() == null ? null : ds.getSpec().getTemplate().getMetadata().getLabels();
                Pod template = new Pod();
                template.setSpec(ds.getSpec().getTemplate().getSpec());
                b.representative(key.namespace(), ds.getMetadata().getName() + "-template", labels, NetworkSnapshot.Builder.containerPorts(template), key, why);
            }
        }
    }

    /** The pod's top-level controller, as the run report groups pods; the pod itself when it has none. */
    public static WorkloadKey workload(ObjectStore store, Pod pod) {
        PodWorkload w = PodWorkload.of(store, pod);
        return new WorkloadKey(w.kind(), w.namespace(), w.name());
    }
}
