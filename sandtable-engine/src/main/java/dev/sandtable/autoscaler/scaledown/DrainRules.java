package dev.sandtable.autoscaler.scaledown;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.autoscaler.scaledown.Drainability.BlockingReason;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The default drainability rules of cluster-autoscaler 1.31 (simulator/drainability/rules, in upstream's order): the
 * first rule with an opinion decides, so safe-to-evict=true wins over everything after it, including the PDB rule.
 */
public final class DrainRules {
    public static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";
    public static final String SAFE_TO_EVICT_LOCAL_VOLUMES = "cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes";
    static final String MIRROR = "kubernetes.io/config.mirror";
    private static final Set<String> REPLICATED_KINDS = Set.of("ReplicationController", "Job", "ReplicaSet", "StatefulSet");
    // drain.PodLongTerminatingExtraThreshold.
    private static final long LONG_TERMINATING_EXTRA_MILLIS = 30_000;

    private final boolean skipNodesWithSystemPods;
    private final boolean skipNodesWithLocalStorage;
    private final boolean skipNodesWithCustomControllerPods;
    private final Lookup lookup;

    /** The objects the rules read: controllers and budgets. */
    public interface Lookup {
        boolean controllerExists(String namespace, OwnerReference ref);

        List<PodDisruptionBudget> matchingPdbs(Pod pod);

        static Lookup of(ObjectStore store, Function<Pod, List<PodDisruptionBudget>> pdbs) {
            return new Lookup() {
                public boolean controllerExists(String ns, OwnerReference ref) {
                    return switch (ref.getKind()) {
                        case "ReplicaSet" -> store.get(ReplicaSet.class, ns, ref.getName()).isPresent();
                        case "StatefulSet" -> store.get(StatefulSet.class, ns, ref.getName()).isPresent();
                        case "DaemonSet" -> store.get(DaemonSet.class, ns, ref.getName()).isPresent();
                        default -> true;
                    };
                }

                public List<PodDisruptionBudget> matchingPdbs(Pod pod) {
                    return pdbs.apply(pod);
                }
            };
        }
    }

    public DrainRules(boolean skipNodesWithSystemPods, boolean skipNodesWithLocalStorage, boolean skipNodesWithCustomControllerPods, Lookup lookup) {
        this.skipNodesWithSystemPods = skipNodesWithSystemPods;
        this.skipNodesWithLocalStorage = skipNodesWithLocalStorage;
        this.skipNodesWithCustomControllerPods = skipNodesWithCustomControllerPods;
        this.lookup = lookup;
    }

    public Drainability drainable(Pod pod, Instant now) {
        var annotations = pod.getMetadata().getAnnotations() == null ? java.util.Map.<String, String>of() : pod.getMetadata().getAnnotations();
        if (annotations.containsKey(MIRROR)) {
            return Drainability.SKIP;
        }
        if (longTerminating(pod, now)) {
            return Drainability.SKIP;
        }
        OwnerReference controller = Pods.controllerOf(pod);
        String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        if (skipNodesWithCustomControllerPods && controller != null && !lookup.controllerExists(pod.getMetadata().getNamespace(), controller)) {
            return Drainability.block(BlockingReason.CONTROLLER_NOT_FOUND, "controller " + controller.getKind() + " of " + name + " is not available");
        }
        if (controller != null && "DaemonSet".equals(controller.getKind())) {
            return Drainability.DRAIN;
        }
        if ("true".equals(annotations.get(SAFE_TO_EVICT))) {
            return Drainability.DRAIN;
        }
        String phase = Pods.phase(pod);
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return Drainability.DRAIN;
        }
        boolean replicated = controller != null && (!skipNodesWithCustomControllerPods || REPLICATED_KINDS.contains(controller.getKind()));
        if (!replicated) {
            return Drainability.block(BlockingReason.NOT_REPLICATED, name + " is not replicated");
        }
        if (skipNodesWithSystemPods && "kube-system".equals(pod.getMetadata().getNamespace()) && lookup.matchingPdbs(pod).isEmpty()) {
            return Drainability.block(BlockingReason.UNMOVABLE_KUBE_SYSTEM_POD, "non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: " + pod.getMetadata().getName());
        }
        if ("false".equals(annotations.get(SAFE_TO_EVICT))) {
            return Drainability.block(BlockingReason.NOT_SAFE_TO_EVICT_ANNOTATION, "pod annotated as not safe to evict present: " + pod.getMetadata().getName());
        }
        if (skipNodesWithLocalStorage && blockingLocalStorage(pod, annotations.get(SAFE_TO_EVICT_LOCAL_VOLUMES))) {
            return Drainability.block(BlockingReason.LOCAL_STORAGE_REQUESTED, "pod with local storage present: " + pod.getMetadata().getName());
        }
        for (PodDisruptionBudget pdb : lookup.matchingPdbs(pod)) {
            Integer allowed = pdb.getStatus() == null ? null : pdb.getStatus().getDisruptionsAllowed();
            if (allowed == null || allowed < 1) {
                return Drainability.block(BlockingReason.NOT_ENOUGH_PDB, "not enough pod disruption budget to move " + name
                        + " (PodDisruptionBudget " + pdb.getMetadata().getName() + " allows " + (allowed == null ? 0 : allowed) + " disruptions)");
            }
        }
        return Drainability.UNDEFINED;
    }

    static boolean blockingLocalStorage(Pod pod, String nonBlocking) {
        Set<String> allowed = nonBlocking == null || nonBlocking.isEmpty() ? Set.of() : Set.of(nonBlocking.split(","));
        if (pod.getSpec().getVolumes() == null) {
            return false;
        }
        for (Volume v : pod.getSpec().getVolumes()) {
            boolean local = v.getHostPath() != null || v.getEmptyDir() != null && !"Memory".equals(v.getEmptyDir().getMedium());
            if (local && !allowed.contains(v.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean longTerminating(Pod pod, Instant now) {
        String deletion = pod.getMetadata().getDeletionTimestamp();
        if (deletion == null) {
            return false;
        }
        Long grace = pod.getSpec().getTerminationGracePeriodSeconds();
        long graceMillis = (grace == null ? 30 : grace) * 1000;
        return Instant.parse(deletion).toEpochMilli() + graceMillis + LONG_TERMINATING_EXTRA_MILLIS < now.toEpochMilli();
    }
}
