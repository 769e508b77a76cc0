package dev.sandtable.scheduler.framework;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The informer listers plugins read cluster objects through (framework.Handle's SharedInformerFactory, v1.31). */
public interface Listers {
    /** Labels of a namespace (including kubernetes.io/metadata.name), empty when it does not exist. */
    Map<String, String> namespaceLabels(String namespace);

    /** Names of all namespaces, for namespaceSelector terms. */
    List<String> namespaces();

    List<Service> services(String namespace);

    List<ReplicaSet> replicaSets(String namespace);

    List<StatefulSet> statefulSets(String namespace);

    List<PodDisruptionBudget> podDisruptionBudgets(String namespace);

    /**
     * The Services of the namespace with a non-empty selector that the labels match (helper.GetPodServices, less the
     * empty selectors, which match everything but add nothing to a selector). Listers may answer from an index.
     */
    default List<Service> servicesSelecting(String namespace, Map<String, String> labels) {
        List<Service> out = new ArrayList<>();
        for (Service svc : services(namespace)) {
            Map<String, String> sel = svc.getSpec() == null ? null : svc.getSpec().getSelector();
            if (sel != null && !sel.isEmpty() && selects(sel, labels)) {
                out.add(svc);
            }
        }
        return out;
    }

    /** Whether a Service's selector (a label set) matches the labels. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!labels.containsKey(e.getKey()) || !Objects.equals(e.getValue(), labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The ReplicaSet of the namespace with the name, or null. */
    default ReplicaSet replicaSet(String namespace, String name) {
        for (ReplicaSet rs : replicaSets(namespace)) {
            if (name.equals(rs.getMetadata().getName())) {
                return rs;
            }
        }
        return null;
    }

    /** The StatefulSet of the namespace with the name, or null. */
    default StatefulSet statefulSet(String namespace, String name) {
        for (StatefulSet ss : statefulSets(namespace)) {
            if (name.equals(ss.getMetadata().getName())) {
                return ss;
            }
        }
        return null;
    }

    /** Listers over nothing, for plugins tested on their own. */
    Listers EMPTY = new Listers() {
        @Override
        public Map<String, String> namespaceLabels(String namespace) {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public List<String> namespaces() {
            return List.of();
        }

        @Override
        public List<Service> services(String namespace) {
            return List.of();
        }

        @Override
        public List<ReplicaSet> replicaSets(String namespace) {
            return List.of();
        }

        @Override
        public List<StatefulSet> statefulSets(String namespace) {
            return List.of();
        }

        @Override
        public List<PodDisruptionBudget> podDisruptionBudgets(String namespace) {
            return List.of();
        }
    };
}
