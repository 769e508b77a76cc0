package dev.sandtable.report;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/**
 * The workload a pod belongs to, as users and kubectl-based tools name it, following controller references (as
 * kube-controller-manager v1.31 sets them) up to the top; where the owner object is absent (pods from a dump) the
 * reference still names it, and a ReplicaSet named DEPLOYMENT-HASH whose pod carries that pod-template-hash names its
 * Deployment. The owner is the top object present in the store, or null.
 */
public record PodWorkload(String kind, String namespace, String name, HasMetadata owner) {
    private static final String POD_TEMPLATE_HASH = "pod-template-hash";

    public static PodWorkload of(ObjectStore store, HasMetadata pod) {
        String ns = pod.getMetadata().getNamespace();
        HasMetadata top = null;
        HasMetadata current = pod;
        for (int depth = 0; depth < 4; depth++) {
            OwnerReference ref = Pods.controllerOf(current);
            if (ref == null) {
                break;
            }
            Class<? extends HasMetadata> kind = switch (ref.getKind()) {
                case "ReplicaSet" -> ReplicaSet.class;
                case "Deployment" -> Deployment.class;
                case "StatefulSet" -> StatefulSet.class;
                case "DaemonSet" -> DaemonSet.class;
                default -> null;
            };
            HasMetadata owner = kind == null ? null : store.get(kind, ns, ref.getName()).orElse(null);
            if (owner == null) {
                return absent(ref, ns, top, current);
            }
            top = owner;
            current = owner;
        }
        return top == null ? new PodWorkload("Pod", ns, pod.getMetadata().getName(), null)
                : new PodWorkload(top.getKind(), ns, top.getMetadata().getName(), top);
    }

    /** The workload a controller reference names when its object is not there. */
    private static PodWorkload absent(OwnerReference ref, String ns, HasMetadata top, HasMetadata referrer) {
        if ("ReplicaSet".equals(ref.getKind())) {
            Map<String, String> labels = referrer.getMetadata().getLabels();
            String hash = labels == null ? null : labels.get(POD_TEMPLATE_HASH);
            if (hash != null && !hash.isEmpty() && ref.getName().endsWith("-" + hash) && ref.getName().length() > hash.length() + 1) {
                return new PodWorkload("Deployment", ns, ref.getName().substring(0, ref.getName().length() - hash.length() - 1), top);
            }
        }
        return new PodWorkload(ref.getKind(), ns, ref.getName(), top);
    }
}
