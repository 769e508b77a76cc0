package dev.sandtable.scheduler.framework;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;

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
