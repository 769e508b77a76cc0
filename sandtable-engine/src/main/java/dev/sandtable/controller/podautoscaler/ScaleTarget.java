package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.ObjectStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import java.util.List;
import java.util.Optional;

/**
 * The scale subresource (autoscaling/v1 Scale, v1.31) of the kinds Sandtable simulates: Deployments, StatefulSets and
 * ReplicaSets. spec.replicas is what the HPA reads and writes; status.replicas and the selector come from the object.
 */
public record ScaleTarget(HasMetadata object, int specReplicas, int statusReplicas, LabelSelector selector) {

    /** The kinds whose scale the simulation serves. */
    public static final List<String> KINDS = List.of("Deployment", "StatefulSet", "ReplicaSet");

    /** The scale of the object a reference names, or empty when it does not exist or is not a simulated kind. */
    public static Optional<ScaleTarget> get(ObjectStore store, String namespace, CrossVersionObjectReference ref) {
        return switch (ref.getKind() == null ? "" : ref.getKind()) {
            case "Deployment" -> store.get(Deployment.class, namespace, ref.getName()).map(ScaleTarget::of);
            case "StatefulSet" -> store.get(StatefulSet.class, namespace, ref.getName()).map(ScaleTarget::of);
            case "ReplicaSet" -> store.get(ReplicaSet.class, namespace, ref.getName()).map(ScaleTarget::of);
            default -> Optional.empty();
        };
    }

    public static ScaleTarget of(HasMetadata o) {
        return switch (o) {
            case Deployment d -> new ScaleTarget(d, replicas(d.getSpec().getReplicas()),
                    d.getStatus() == null ? 0 : replicas0(d.getStatus().getReplicas()), d.getSpec().getSelector());
            case StatefulSet s -> new ScaleTarget(s, replicas(s.getSpec().getReplicas()),
                    s.getStatus() == null ? 0 : replicas0(s.getStatus().getReplicas()), s.getSpec().getSelector());
            case ReplicaSet r -> new ScaleTarget(r, replicas(r.getSpec().getReplicas()),
                    r.getStatus() == null ? 0 : replicas0(r.getStatus().getReplicas()), r.getSpec().getSelector());
            default -> throw new IllegalArgumentException("no scale subresource for " + o.getKind());
        };
    }

    /** Writes spec.replicas, as an update of the scale subresource does. */
    public void setReplicas(ObjectStore store, int replicas) {
        switch (object) {
            case Deployment d -> d.getSpec().setReplicas(replicas);
            case StatefulSet s -> s.getSpec().setReplicas(replicas);
            case ReplicaSet r -> r.getSpec().setReplicas(replicas);
            default -> throw new IllegalStateException();
        }
        store.update(object);
    }

    private static int replicas(Integer r) {
        return r == null ? 1 : r;
    }

    private static int replicas0(Integer r) {
        return r == null ? 0 : r;
    }
}
