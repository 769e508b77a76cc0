package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The horizontal pod autoscaler controller of kube-controller-manager v1.31 (pkg/controller/podautoscaler): every
 * HPA is synced once when it appears and then every sync period (--horizontal-pod-autoscaler-sync-period, 15 s); each
 * sync writes the target's scale, the HPA status and conditions, and emits the events upstream records.
 */
public final class HorizontalController {
    public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofSeconds(15);
    public static final Duration DEFAULT_DOWNSCALE_STABILIZATION = Duration.ofMinutes(5);

    private final ObjectStore store;
    private final Duration syncPeriod;
    private final Reconciler reconciler;
    private final PodSelection selection;
    private final Map<String, ScaleHistory> histories = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final List<Consumer<Synced>> listeners = new ArrayList<>();
    private long nextGeneration;

    /** One HPA's sync, for series and event logs. */
    public record Synced(HorizontalPodAutoscaler hpa, Decision decision) {
    }

    public HorizontalController(ObjectStore store, MetricsClient metrics) {
        this(store, metrics, DEFAULT_SYNC_PERIOD, DEFAULT_DOWNSCALE_STABILIZATION);
    }

    public HorizontalController(ObjectStore store, MetricsClient metrics, Duration syncPeriod, Duration downscaleStabilization) {
        this.store = store;
        this.syncPeriod = syncPeriod;
        this.reconciler = new Reconciler(new ReplicaCalculator(metrics), new ReplicaNormalizer(downscaleStabilization));
        this.selection = new PodSelection(store);
        store.watch(HorizontalPodAutoscaler.class, this::onHpa);
    }

    /** Called after every sync with its decision (the scenario recorder logs events and samples replicas from it). */
    public void onSync(Consumer<Synced> listener) {
        listeners.add(listener);
    }

    public Duration syncPeriod() {
        return syncPeriod;
    }

    private void onHpa(WatchEvent<HorizontalPodAutoscaler> e) {
        String key = e.object().getMetadata().getNamespace() + "/" + e.object().getMetadata().getName();
        if (e.type() == WatchEvent.Type.DELETED) {
            generations.remove(key);
            histories.remove(key);
            selection.forget(key);
        } else if (e.type() == WatchEvent.Type.ADDED) {
            long generation = nextGeneration++;
            generations.put(key, generation);
            histories.put(key, new ScaleHistory());
            // Synced at once, then every period, as the controller's queue re-adds each key after the resync period.
            store.clock().afterInBackground(Duration.ZERO, () -> sync(key, generation));
        }
    }

    private void sync(String key, long generation) {
        if (!Objects.equals(generations.get(key), generation)) {
            return;
        }
        store.clock().afterInBackground(syncPeriod, () -> sync(key, generation));
        int slash = key.indexOf('/');
        store.get(HorizontalPodAutoscaler.class, key.substring(0, slash), key.substring(slash + 1)).ifPresent(this::reconcile);
    }

    private void reconcile(HorizontalPodAutoscaler hpa) {
        String ns = hpa.getMetadata().getNamespace();
        String key = ns + "/" + hpa.getMetadata().getName();
        var ref = hpa.getSpec().getScaleTargetRef();
        Optional<ScaleTarget> scale = ScaleTarget.get(store, ns, ref);
        String error = scale.isPresent() ? null : scaleError(ref.getKind(), ns, ref.getName());
        List<Pod> pods = scale.map(s -> selection.pods(key, ns, s.selector())).orElse(List.of());
        long now = store.clock().now().toEpochMilli();
        Decision d = reconciler.reconcile(hpa, scale, error, pods, histories.computeIfAbsent(key, k -> new ScaleHistory()), now);
        if (d.rescale()) {
            scale.get().setReplicas(store, d.desiredReplicas());
        }
        writeStatus(hpa, d);
        Synced s = new Synced(hpa, d);
        listeners.forEach(l -> l.accept(s));
    }

    /** Why the scale cannot be read: the object is missing, or it is of a kind whose scale Sandtable does not serve. */
    static String scaleError(String kind, String ns, String name) {
        if (!ScaleTarget.KINDS.contains(kind)) {
            return kind + " " + ns + "/" + name + " is not a kind Sandtable simulates, so its scale subresource is not served"
                    + " (scale targets: Deployment, StatefulSet, ReplicaSet)";
        }
        String resource = kind.toLowerCase(Locale.ROOT) + "s";
        return resource + ".apps \"" + name + "\" not found";
    }

    /** setStatus and updateStatusIfNeeded: conditions keep their transition time while their status stays. */
    private void writeStatus(HorizontalPodAutoscaler hpa, Decision d) {
        HorizontalPodAutoscalerStatus old = hpa.getStatus();
        HorizontalPodAutoscalerStatus s = new HorizontalPodAutoscalerStatus();
        s.setCurrentReplicas(d.currentReplicas());
        s.setDesiredReplicas(d.desiredReplicas());
        s.setObservedGeneration(hpa.getMetadata().getGeneration());
        List<MetricStatus> current = new ArrayList<>();
        for (Decision.MetricResult r : d.metrics()) {
            current.add(r.status() == null ? new MetricStatus(null, null, null, null, null, "") : r.status());
        }
        s.setCurrentMetrics(current);
        s.setLastScaleTime(d.rescale() ? store.clock().timestamp() : old == null ? null : old.getLastScaleTime());
        List<HorizontalPodAutoscalerCondition> conditions = new ArrayList<>();
        for (Decision.Condition c : d.conditions()) {
            String since = store.clock().timestamp();
            if (old != null && old.getConditions() != null) {
                for (HorizontalPodAutoscalerCondition o : old.getConditions()) {
                    if (o.getType().equals(c.type()) && o.getStatus().equals(c.status())) {
                        since = o.getLastTransitionTime();
                    }
                }
            }
            conditions.add(new HorizontalPodAutoscalerCondition(since, c.message(), c.reason(), c.status(), c.type()));
        }
        s.setConditions(conditions);
        if (!s.equals(old)) {
            hpa.setStatus(s);
            store.updateStatus(hpa);
        }
    }
}
