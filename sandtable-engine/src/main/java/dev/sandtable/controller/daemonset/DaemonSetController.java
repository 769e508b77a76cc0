package dev.sandtable.controller.daemonset;

import dev.sandtable.api.NodeAffinityMatcher;
import dev.sandtable.api.NodeSelectors;
import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.api.Tolerations;
import dev.sandtable.controller.StoreController;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors kube-controller-manager v1.31 pkg/controller/daemon: one pod per node whose labels and taints
 * admit the DaemonSet's pod, pinned by a metadata.name node-affinity term and placed by the default scheduler.
 */
public final class DaemonSetController extends StoreController {
    public DaemonSetController(ObjectStore store) {
        super(store);
        store.watch(DaemonSet.class, e -> enqueue(key(e.object())));
        store.watch(Node.class, e -> store.list(DaemonSet.class).forEach(ds -> enqueue(key(ds))));
        store.watch(Pod.class, e -> enqueueController(e.object(), "DaemonSet"));
    }

    @Override
    public String name() {
        return "daemonset-controller";
    }

    @Override
    protected void reconcile(String key) {
        DaemonSet ds = get(DaemonSet.class, key);
        if (ds == null) {
            return;
        }
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        for (Pod p : store.ownedBy(Pod.class, ds)) {
            if (Pods.isActive(p)) {
                podsByNode.computeIfAbsent(targetNode(p), n -> new ArrayList<>()).add(p);
            }
        }
        PodSpec template = withDaemonTolerations(ds.getSpec().getTemplate().getSpec());
        NodeAffinityMatcher affinity = NodeAffinityMatcher.of(template);
        int desired = 0, scheduled = 0, ready = 0, misscheduled = 0;
        for (Node node : store.list(Node.class)) {
            String nodeName = node.getMetadata().getName();
            List<Pod> pods = podsByNode.getOrDefault(nodeName, List.of());
            boolean shouldRun = shouldRun(affinity, template, node);
            if (shouldRun) {
                desired++;
                if (pods.isEmpty()) {
                    store.create(newPod(ds, template, nodeName));
                } else {
                    for (int i = 1; i < pods.size(); i++) {
                        store.delete(pods.get(i));
                    }
                    Pod p = pods.get(0);
                    if (p.getSpec().getNodeName() != null) {
                        scheduled++;
                    }
                    if (Pods.isReady(p)) {
                        ready++;
                    }
                }
            } else if (!pods.isEmpty()) {
                misscheduled++;
                pods.forEach(store::delete);
            }
        }
        DaemonSetStatus s = new DaemonSetStatus();
        s.setDesiredNumberScheduled(desired);
        s.setCurrentNumberScheduled(scheduled);
        s.setNumberReady(ready);
        s.setNumberAvailable(ready);
        s.setNumberUnavailable(desired - ready);
        s.setUpdatedNumberScheduled(scheduled);
        s.setNumberMisscheduled(misscheduled);
        s.setObservedGeneration(ds.getMetadata().getGeneration());
        DaemonSetStatus prev = ds.getStatus();
        if (prev == null || !Objects.equals(prev.getDesiredNumberScheduled(), desired) || !Objects.equals(prev.getCurrentNumberScheduled(), scheduled)
                || !Objects.equals(prev.getNumberReady(), ready) || !Objects.equals(prev.getObservedGeneration(), s.getObservedGeneration())) {
            ds.setStatus(s);
            store.updateStatus(ds);
        }
    }

    /** nodeShouldRunDaemonPod: node affinity and selector match, and every NoSchedule/NoExecute taint is tolerated. */
    public static boolean shouldRun(PodSpec spec, Node node) {
        return shouldRun(NodeAffinityMatcher.of(spec), spec, node);
    }

    static boolean shouldRun(NodeAffinityMatcher affinity, PodSpec spec, Node node) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        if (!affinity.matches(node.getMetadata().getName(), labels)) {
            return false;
        }
        List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        for (Taint t : taints) {
            if (("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
                    && !Tolerations.anyTolerates(spec.getTolerations(), t)) {
                return false;
            }
        }
        return true;
    }

    /** The tolerations the DaemonSet controller adds to every daemon pod (util.AddOrUpdateDaemonPodTolerations). */
    public static PodSpec withDaemonTolerations(PodSpec spec) {
        PodSpec copy = Pods.copy(spec);
        List<Toleration> tolerations = new ArrayList<>(copy.getTolerations() == null ? List.of() : copy.getTolerations());
        addIfMissing(tolerations, "node.kubernetes.io/not-ready", "NoExecute");
        addIfMissing(tolerations, "node.kubernetes.io/unreachable", "NoExecute");
        addIfMissing(tolerations, "node.kubernetes.io/disk-pressure", "NoSchedule");
        addIfMissing(tolerations, "node.kubernetes.io/memory-pressure", "NoSchedule");
        addIfMissing(tolerations, "node.kubernetes.io/pid-pressure", "NoSchedule");
        addIfMissing(tolerations, "node.kubernetes.io/unschedulable", "NoSchedule");
        if (Boolean.TRUE.equals(copy.getHostNetwork())) {
            addIfMissing(tolerations, "node.kubernetes.io/network-unavailable", "NoSchedule");
        }
        copy.setTolerations(tolerations);
        return copy;
    }

    private static void addIfMissing(List<Toleration> tolerations, String key, String effect) {
        for (Toleration t : tolerations) {
            if (key.equals(t.getKey()) && effect.equals(t.getEffect()) && "Exists".equals(t.getOperator())) {
                return;
            }
        }
        tolerations.add(new Toleration(effect, key, "Exists", null, null));
    }

    private Pod newPod(DaemonSet ds, PodSpec template, String nodeName) {
        Pod pod = Pods.fromTemplate(ds.getSpec().getTemplate(), ds, null, ds.getMetadata().getName() + "-");
        pod.setSpec(Pods.copy(template));
        pinToNode(pod.getSpec(), nodeName);
        return pod;
    }

    /** ReplaceDaemonSetPodNodeNameNodeAffinity: every required term gets matchFields metadata.name In [node]. */
    static void pinToNode(PodSpec spec, String nodeName) {
        NodeSelectorRequirement byName = new NodeSelectorRequirement("metadata.name", "In", List.of(nodeName));
        if (spec.getAffinity() == null) {
            spec.setAffinity(new Affinity());
        }
        if (spec.getAffinity().getNodeAffinity() == null) {
            spec.getAffinity().setNodeAffinity(new NodeAffinity());
        }
        NodeAffinity na = spec.getAffinity().getNodeAffinity();
        NodeSelector required = na.getRequiredDuringSchedulingIgnoredDuringExecution();
        if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
            na.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(List.of(new NodeSelectorTerm(null, List.of(byName)))));
            return;
        }
        List<NodeSelectorTerm> terms = new ArrayList<>();
        for (NodeSelectorTerm t : required.getNodeSelectorTerms()) {
            terms.add(new NodeSelectorTerm(t.getMatchExpressions(), List.of(byName)));
        }
        na.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(terms));
    }

    /** The node a daemon pod is bound or pinned to. */
    static String targetNode(Pod p) {
        if (p.getSpec().getNodeName() != null) {
            return p.getSpec().getNodeName();
        }
        NodeSelector required = NodeSelectors.requiredAffinity(p.getSpec());
        if (required != null && required.getNodeSelectorTerms() != null) {
            for (NodeSelectorTerm t : required.getNodeSelectorTerms()) {
                if (t.getMatchFields() != null) {
                    for (NodeSelectorRequirement r : t.getMatchFields()) {
                        if ("metadata.name".equals(r.getKey()) && r.getValues() != null && r.getValues().size() == 1) {
                            return r.getValues().get(0);
                        }
                    }
                }
            }
        }
        return "";
    }
}
