package dev.sandtable.controller.statefulset;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.controller.StoreController;
import dev.sandtable.controller.deployment.PodTemplateHash;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Mirrors kube-controller-manager v1.31 pkg/controller/statefulset: pods named set-0..set-(n-1);
 * OrderedReady creates each only when all lower ordinals are Running and Ready and removes from the highest; Parallel does all at once.
 */
public final class StatefulSetController extends StoreController {
    public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    public static final String REVISION_LABEL = "controller-revision-hash";

    public StatefulSetController(ObjectStore store) {
        super(store);
        store.watch(StatefulSet.class, e -> enqueue(key(e.object())));
        store.watch(Pod.class, e -> enqueueController(e.object(), "StatefulSet"));
    }

    @Override
    public String name() {
        return "statefulset-controller";
    }

    @Override
    protected void reconcile(String key) {
        StatefulSet set = get(StatefulSet.class, key);
        if (set == null) {
            return;
        }
        String name = set.getMetadata().getName();
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        boolean ordered = !"Parallel".equals(set.getSpec().getPodManagementPolicy());
        TreeMap<Integer, Pod> byOrdinal = new TreeMap<>();
        for (Pod p : store.ownedBy(Pod.class, set)) {
            int ord = ordinal(name, p.getMetadata().getName());
            if (ord >= 0 && Pods.isActive(p)) {
                byOrdinal.put(ord, p);
            }
        }
        updateStatus(set, byOrdinal);
        for (int ord = 0; ord < replicas; ord++) {
            Pod p = byOrdinal.get(ord);
            if (p == null) {
                store.create(newPod(set, ord));
                if (ordered) {
                    return;
                }
            } else if (ordered && !Pods.isRunningAndReady(p)) {
                return;
            }
        }
        for (Integer ord : byOrdinal.descendingKeySet()) {
            if (ord < replicas) {
                break;
            }
            store.delete(byOrdinal.get(ord));
            if (ordered) {
                return;
            }
        }
    }

    private Pod newPod(StatefulSet set, int ordinal) {
        String podName = set.getMetadata().getName() + "-" + ordinal;
        Pod pod = Pods.fromTemplate(set.getSpec().getTemplate(), set, podName, null);
        var labels = pod.getMetadata().getLabels();
        labels.put(POD_NAME_LABEL, podName);
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        labels.put(REVISION_LABEL, set.getMetadata().getName() + "-" + PodTemplateHash.of(set.getSpec().getTemplate(), null));
        pod.getSpec().setHostname(podName);
        pod.getSpec().setSubdomain(set.getSpec().getServiceName());
        return pod;
    }

    private void updateStatus(StatefulSet set, TreeMap<Integer, Pod> pods) {
        int ready = 0;
        for (Pod p : pods.values()) {
            if (Pods.isRunningAndReady(p)) {
                ready++;
            }
        }
        StatefulSetStatus s = new StatefulSetStatus();
        s.setObservedGeneration(set.getMetadata().getGeneration());
        s.setReplicas(pods.size());
        s.setReadyReplicas(ready);
        s.setAvailableReplicas(ready);
        s.setCurrentReplicas(pods.size());
        s.setUpdatedReplicas(pods.size());
        StatefulSetStatus prev = set.getStatus();
        if (prev == null || !Objects.equals(prev.getReplicas(), s.getReplicas()) || !Objects.equals(prev.getReadyReplicas(), s.getReadyReplicas())
                || !Objects.equals(prev.getObservedGeneration(), s.getObservedGeneration())) {
            set.setStatus(s);
            store.updateStatus(set);
        }
    }

    /** The ordinal in "set-N", or -1 when the name is not one of the set's. */
    static int ordinal(String setName, String podName) {
        if (!podName.startsWith(setName + "-")) {
            return -1;
        }
        try {
            return Integer.parseInt(podName.substring(setName.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
