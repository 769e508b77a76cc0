package dev.sandtable.controller.disruption;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.api.WatchEvent;
import dev.sandtable.controller.StoreController;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors kube-controller-manager v1.31 pkg/controller/disruption: keeps each PodDisruptionBudget's status
 * (expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed) current from the pods it selects and
 * the scale of their controllers.
 */
public final class DisruptionController extends StoreController {
    public DisruptionController(ObjectStore store) {
        super(store);
        store.watch(PodDisruptionBudget.class, e -> enqueue(key(e.object())));
        store.watch(Pod.class, this::onPod);
    }

    @Override
    public String name() {
        return "disruption-controller";
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod p = e.object();
        for (PodDisruptionBudget pdb : store.list(PodDisruptionBudget.class, p.getMetadata().getNamespace())) {
            if (selects(pdb, p)) {
                enqueue(key(pdb));
            }
        }
    }

    static boolean selects(PodDisruptionBudget pdb, Pod p) {
        var selector = pdb.getSpec().getSelector();
        // In policy/v1 an empty selector selects every pod of the namespace; a null one selects none.
        return selector != null && LabelSelectors.matches(selector, p.getMetadata().getLabels());
    }

    @Override
    protected void reconcile(String key) {
        PodDisruptionBudget pdb = get(PodDisruptionBudget.class, key);
        if (pdb == null) {
            return;
        }
        List<Pod> pods = new ArrayList<>();
        for (Pod p : store.list(Pod.class, Key.parse(key).namespace())) {
            if (selects(pdb, p) && p.getMetadata().getDeletionTimestamp() == null) {
                pods.add(p);
            }
        }
        int currentHealthy = 0;
        for (Pod p : pods) {
            if (Pods.isActive(p) && Pods.isReady(p)) {
                currentHealthy++;
            }
        }
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        int expected;
        int desiredHealthy;
        if (maxUnavailable != null) {
            expected = expectedScale(pods);
            desiredHealthy = Math.max(0, expected - scaled(maxUnavailable, expected, true));
        } else if (minAvailable != null && minAvailable.getIntVal() != null) {
            expected = pods.size();
            desiredHealthy = minAvailable.getIntVal();
        } else if (minAvailable != null) {
            expected = expectedScale(pods);
            desiredHealthy = scaled(minAvailable, expected, true);
        } else {
            expected = pods.size();
            desiredHealthy = 0;
        }
        PodDisruptionBudgetStatus s = new PodDisruptionBudgetStatus();
        s.setExpectedPods(expected);
        s.setCurrentHealthy(currentHealthy);
        s.setDesiredHealthy(desiredHealthy);
        s.setDisruptionsAllowed(Math.max(0, currentHealthy - desiredHealthy));
        s.setObservedGeneration(pdb.getMetadata().getGeneration());
        PodDisruptionBudgetStatus prev = pdb.getStatus();
        if (prev == null || !Objects.equals(prev.getDisruptionsAllowed(), s.getDisruptionsAllowed())
                || !Objects.equals(prev.getCurrentHealthy(), s.getCurrentHealthy()) || !Objects.equals(prev.getExpectedPods(), s.getExpectedPods())
                || !Objects.equals(prev.getDesiredHealthy(), s.getDesiredHealthy())) {
            pdb.setStatus(s);
            store.updateStatus(pdb);
        }
    }

    /** getExpectedScale: the replicas of each distinct controller of the selected pods. */
    private int expectedScale(List<Pod> pods) {
        Map<String, Integer> controllers = new LinkedHashMap<>();
        int uncontrolled = 0;
        for (Pod p : pods) {
            HasMetadata top = controllerWithScale(p);
            if (top == null) {
                uncontrolled++;
                continue;
            }
            controllers.putIfAbsent(top.getMetadata().getUid(), replicas(top));
        }
        int sum = 0;
        for (int r : controllers.values()) {
            sum += r;
        }
        // Upstream refuses percentages for bare pods; counting them keeps the budget meaningful and is listed in docs/fidelity.md.
        return sum + uncontrolled;
    }

    private HasMetadata controllerWithScale(Pod p) {
        OwnerReference ref = Pods.controllerOf(p);
        if (ref == null) {
            return null;
        }
        String ns = p.getMetadata().getNamespace();
        return switch (ref.getKind()) {
            case "StatefulSet" -> store.get(StatefulSet.class, ns, ref.getName()).orElse(null);
            case "ReplicaSet" -> store.get(ReplicaSet.class, ns, ref.getName()).map(rs -> {
                OwnerReference d = Pods.controllerOf(rs);
                HasMetadata owner = d != null && "Deployment".equals(d.getKind())
                        ? store.get(Deployment.class, ns, d.getName()).orElse(null) : null;
                return owner != null ? owner : (HasMetadata) rs;
            }).orElse(null);
            default -> null;
        };
    }

    private static int replicas(HasMetadata o) {
        Integer r = switch (o) {
            case Deployment d -> d.getSpec().getReplicas();
            case ReplicaSet rs -> rs.getSpec().getReplicas();
            case StatefulSet s -> s.getSpec().getReplicas();
            default -> 1;
        };
        return r == null ? 1 : r;
    }

    /** intstr.GetScaledValueFromIntOrPercent. */
    static int scaled(IntOrString v, int total, boolean roundUp) {
        if (v.getIntVal() != null) {
            return v.getIntVal();
        }
        String s = v.getStrVal().trim();
        int pct = Integer.parseInt(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
        return roundUp ? (int) Math.ceil(pct * total / 100.0) : pct * total / 100;
    }
}
