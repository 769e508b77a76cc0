package dev.sandtable.network;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.report.PodWorkload;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** Takes the network snapshot of a simulated cluster's API objects once it has settled (pods have their IPs). */
public final class NetworkSnapshots {
    private NetworkSnapshots() {
    }

    public static NetworkSnapshot fromStore(ObjectStore store) {
        return builderFromStore(store).build();
    }

    /** A builder holding the store's objects, for adding external endpoints before building. */
    public static NetworkSnapshot.Builder builderFromStore(ObjectStore store) {
        NetworkSnapshot.Builder b = NetworkSnapshot.builder();
        for (Namespace ns : store.list(Namespace.class)) {
            b.namespace(ns.getMetadata().getName(), ns.getMetadata().getLabels());
        }
        for (Pod p : store.list(Pod.class)) {
            if (Pods.isActive(p)) {
                b.pod(p, workload(store, p));
            }
        }
        store.list(Service.class).forEach(b::service);
        store.list(NetworkPolicy.class).forEach(b::policy);
        return b;
    }

    /** The pod's top-level controller, as the run report groups pods; the pod itself when it has none. */
    public static WorkloadKey workload(ObjectStore store, Pod pod) {
        PodWorkload w = PodWorkload.of(store, pod);
        return new WorkloadKey(w.kind(), w.namespace(), w.name());
    }
}
