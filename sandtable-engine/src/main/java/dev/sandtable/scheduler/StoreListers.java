package dev.sandtable.scheduler;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.scheduler.framework.Listers;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Listers backed by the object store, as the scheduler's informers would be. */
public final class StoreListers implements Listers {
    private final ObjectStore store;
    // Per namespace, Services by one entry of their selector, built on first use and dropped when a
    // Service of the namespace changes, so finding a pod's Services costs its labels, not every Service.
    private final Map<String, Map<String, List<Service>>> servicesBySelectorEntry = new HashMap<>();

    public StoreListers(ObjectStore store) {
        this.store = store;
        store.watch(Service.class, e -> servicesBySelectorEntry.remove(namespaceOf(e.object())));
    }

    private static String namespaceOf(Service s) {
        return s.getMetadata().getNamespace() == null ? "" : s.getMetadata().getNamespace();
    }

    @Override
    public List<Service> servicesSelecting(String namespace, Map<String, String> labels) {
        Map<String, List<Service>> index = servicesBySelectorEntry.computeIfAbsent(namespace, ns -> {
            Map<String, List<Service>> byEntry = new HashMap<>();
            for (Service svc : services(ns)) {
                Map<String, String> sel = svc.getSpec() == null ? null : svc.getSpec().getSelector();
                if (sel != null && !sel.isEmpty()) {
                    String key = sel.keySet().iterator().next();
                    byEntry.computeIfAbsent(key + "\u0000" + sel.get(key), k -> new ArrayList<>()).add(svc);
                }
            }
            return byEntry;
        });
        if (index.isEmpty()) {
            return List.of();
        }
        List<Service> out = new ArrayList<>();
        // Each Service is listed under one entry, so none is found twice.
        labels.forEach((k, v) -> {
            List<Service> candidates = index.get(k + "\u0000" + v);
            if (candidates != null) {
                for (Service svc : candidates) {
                    if (Listers.selects(svc.getSpec().getSelector(), labels)) {
                        out.add(svc);
                    }
                }
            }
        });
        return out;
    }

    @Override
    public ReplicaSet replicaSet(String namespace, String name) {
        return store.get(ReplicaSet.class, namespace, name).orElse(null);
    }

    @Override
    public StatefulSet statefulSet(String namespace, String name) {
        return store.get(StatefulSet.class, namespace, name).orElse(null);
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
