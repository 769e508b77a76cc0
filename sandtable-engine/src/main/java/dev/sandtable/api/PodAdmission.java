package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod defaulting and the admission plugins that change scheduling (kube-apiserver v1.31): API defaults
 * (schedulerName, restartPolicy), Priority (priorityClassName to spec.priority, globalDefault),
 * DefaultTolerationSeconds (not-ready and unreachable NoExecute for 300 s), and the merge of pod affinity
 * matchLabelKeys/mismatchLabelKeys into label selectors that the API server performs on create.
 */
public final class PodAdmission implements Admission {
    public static final long DEFAULT_TOLERATION_SECONDS = 300;

    @Override
    public void admit(HasMetadata object, ObjectStore store) {
        if (!(object instanceof Pod pod)) {
            return;
        }
        PodSpec spec = pod.getSpec();
        if (spec.getSchedulerName() == null || spec.getSchedulerName().isEmpty()) {
            spec.setSchedulerName("default-scheduler");
        }
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy("Always");
        }
        if (spec.getTerminationGracePeriodSeconds() == null) {
            spec.setTerminationGracePeriodSeconds(30L);
        }
        resolvePriority(spec, store);
        PodAffinityLabelKeys.apply(pod);
        List<Toleration> tolerations = new ArrayList<>(spec.getTolerations() == null ? List.of() : spec.getTolerations());
        addDefaultToleration(tolerations, "node.kubernetes.io/not-ready");
        addDefaultToleration(tolerations, "node.kubernetes.io/unreachable");
        spec.setTolerations(tolerations);
    }

    private static void resolvePriority(PodSpec spec, ObjectStore store) {
        if (spec.getPriorityClassName() != null && !spec.getPriorityClassName().isEmpty()) {
            PriorityClass pc = store.get(PriorityClass.class, "", spec.getPriorityClassName()).orElse(null);
            if (pc != null) {
                spec.setPriority(pc.getValue());
                if (spec.getPreemptionPolicy() == null) {
                    spec.setPreemptionPolicy(pc.getPreemptionPolicy() == null ? "PreemptLowerPriority" : pc.getPreemptionPolicy());
                }
            }
            return;
        }
        if (spec.getPriority() == null) {
            for (PriorityClass pc : store.list(PriorityClass.class)) {
                if (Boolean.TRUE.equals(pc.getGlobalDefault())) {
                    spec.setPriorityClassName(pc.getMetadata().getName());
                    spec.setPriority(pc.getValue());
                    return;
                }
            }
            spec.setPriority(0);
        }
    }

    // Only added when the pod has no toleration for that key with NoExecute (or any effect) already.
    private static void addDefaultToleration(List<Toleration> tolerations, String key) {
        for (Toleration t : tolerations) {
            boolean keyMatches = key.equals(t.getKey()) || (t.getKey() == null || t.getKey().isEmpty()) && "Exists".equals(t.getOperator());
            boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || "NoExecute".equals(t.getEffect());
            if (keyMatches && effectMatches) {
                return;
            }
        }
        tolerations.add(new Toleration("NoExecute", key, "Exists", DEFAULT_TOLERATION_SECONDS, null));
    }
}
