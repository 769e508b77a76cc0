package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pod helpers shared by the workload controllers, as pkg/api/v1/pod and pkg/controller (v1.31) define them. */
public final class Pods {
    private Pods() {
    }

    /** Not terminal and not being deleted: counts toward a controller's replicas (controller.IsPodActive). */
    public static boolean isActive(Pod pod) {
        String phase = phase(pod);
        return !"Succeeded".equals(phase) && !"Failed".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }

    public static boolean isReady(Pod pod) {
        return "True".equals(conditionStatus(pod, "Ready"));
    }

    public static boolean isRunningAndReady(Pod pod) {
        return "Running".equals(phase(pod)) && isReady(pod);
    }

    /** The restarts of all the pod's containers, as kubectl's RESTARTS column sums them. */
    public static int restarts(Pod pod) {
        int sum = 0;
        for (ContainerStatus cs : containerStatuses(pod)) {
            sum += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        }
        return sum;
    }

    /** Whether a container waits to be restarted after failing (waiting reason CrashLoopBackOff). */
    public static boolean inCrashLoopBackOff(Pod pod) {
        for (ContainerStatus cs : containerStatuses(pod)) {
            if (cs.getState() != null && cs.getState().getWaiting() != null && "CrashLoopBackOff".equals(cs.getState().getWaiting().getReason())) {
                return true;
            }
        }
        return false;
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? List.of() : pod.getStatus().getContainerStatuses();
    }

    public static String conditionStatus(Pod pod, String type) {
        PodCondition c = condition(pod, type);
        return c == null ? null : c.getStatus();
    }

    public static PodCondition condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** A new pod from a template, owned (as controller) by the given object. */
    public static Pod fromTemplate(PodTemplateSpec template, HasMetadata owner, String name, String generateName) {
        ObjectMeta tm = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setGenerateName(generateName);
        meta.setNamespace(owner.getMetadata().getNamespace());
        meta.setLabels(tm.getLabels() == null ? new HashMap<>() : new HashMap<>(tm.getLabels()));
        if (tm.getAnnotations() != null) {
            meta.setAnnotations(new HashMap<>(tm.getAnnotations()));
        }
        meta.setOwnerReferences(new ArrayList<>(List.of(controllerRef(owner))));
        Pod pod = new Pod();
        pod.setApiVersion("v1");
        pod.setKind("Pod");
        pod.setMetadata(meta);
        pod.setSpec(copy(template.getSpec()));
        return pod;
    }

    public static OwnerReference controllerRef(HasMetadata owner) {
        OwnerReference ref = new OwnerReference();
        ref.setApiVersion(owner.getApiVersion());
        ref.setKind(owner.getKind());
        ref.setName(owner.getMetadata().getName());
        ref.setUid(owner.getMetadata().getUid());
        ref.setController(true);
        ref.setBlockOwnerDeletion(true);
        return ref;
    }

    /** The owner reference marked controller, or null. */
    public static OwnerReference controllerOf(HasMetadata o) {
        if (o.getMetadata().getOwnerReferences() != null) {
            for (OwnerReference r : o.getMetadata().getOwnerReferences()) {
                if (Boolean.TRUE.equals(r.getController())) {
                    return r;
                }
            }
        }
        return null;
    }

    /** A deep copy of a pod spec so that pods never share mutable state with their template. */
    public static PodSpec copy(PodSpec spec) {
        return new io.fabric8.kubernetes.api.model.PodSpecBuilder(spec).build();
    }

    public static Map<String, String> labels(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }
}
