package dev.sandtable.scheduler;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.scheduler.framework.Listers;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Listers backed by the object store, as the scheduler's informers would be. */
public final class StoreListers implements Listers {
    private final ObjectStore store;

    public StoreListers(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Map<String, String> namespaceLabels(String namespace) {
        return store.get(Namespace.class, "", namespace).map(ns -> {
            Map<String, String> l = new HashMap<>(ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
            l.put("kubernetes.io/metadata.name", namespace);
            return l;
        }).orElse(Map.of());
    }

    @Override
    public List<String> namespaces() {
        return store.list(Namespace.class).stream().map(n -> n.getMetadata().getName()).toList();
    }

    @Override
    public List<Service> services(String namespace) {
        return store.list(Service.class, namespace);
    }

    @Override
    public List<ReplicaSet> replicaSets(String namespace) {
        return store.list(ReplicaSet.class, namespace);
    }

    @Override
    public List<StatefulSet> statefulSets(String namespace) {
        return store.list(StatefulSet.class, namespace);
    }

    @Override
    public List<PodDisruptionBudget> podDisruptionBudgets(String namespace) {
        return store.list(PodDisruptionBudget.class, namespace);
    }
}
