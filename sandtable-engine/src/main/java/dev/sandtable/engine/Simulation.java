package dev.sandtable.engine;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.PodAdmission;
import dev.sandtable.autoscaler.ClusterAutoscaler;
import dev.sandtable.cluster.InstanceTypeCatalog;
import dev.sandtable.cluster.NodePoolController;
import dev.sandtable.controller.daemonset.DaemonSetController;
import dev.sandtable.controller.deployment.DeploymentController;
import dev.sandtable.controller.disruption.DisruptionController;
import dev.sandtable.controller.podautoscaler.AutoscalingV1;
import dev.sandtable.controller.podautoscaler.HorizontalController;
import dev.sandtable.controller.replicaset.ReplicaSetController;
import dev.sandtable.controller.statefulset.StatefulSetController;
import dev.sandtable.kubelet.Kubelet;
import dev.sandtable.kubelet.KubeletTiming;
import dev.sandtable.metrics.MetricsApis;
import dev.sandtable.metrics.adapter.MetricsAdapter;
import dev.sandtable.metrics.server.MetricsServer;
import dev.sandtable.scheduler.Scheduler;
import dev.sandtable.scheduler.StoreListers;
import dev.sandtable.scheduler.config.PluginRegistry;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated cluster: the API store and the control-plane components that act on it (node pools,
 * workload controllers, scheduler, kubelet), all driven by one simulated clock and one seed.
 */
public final class Simulation {
    /** Creation order of a batch, as kubectl apply of a folder would need it: namespaces and cluster setup before workloads. */
    private static final Map<String, Integer> APPLY_ORDER = Map.ofEntries(
            Map.entry("Namespace", 0), Map.entry("PriorityClass", 1), Map.entry("NodePool", 2), Map.entry("ClusterAutoscaler", 2), Map.entry("Node", 3),
            Map.entry("ResourceQuota", 4), Map.entry("LimitRange", 4), Map.entry("ServiceAccount", 5),
            Map.entry("ConfigMap", 5), Map.entry("Secret", 5), Map.entry("Service", 6), Map.entry("DaemonSet", 8),
            Map.entry("StatefulSet", 8), Map.entry("Deployment", 8), Map.entry("ReplicaSet", 9), Map.entry("Pod", 10));

    private final SimClock clock;
    private final ObjectStore store;
    private final NodePoolController nodePools;
    private final Scheduler scheduler;
    private final Kubelet kubelet;
    private final ClusterAutoscaler autoscaler;
    private final MetricsServer metricsServer;
    private final MetricsAdapter metricsAdapter = new MetricsAdapter();
    private final HorizontalController horizontalController;
    private final List<String> notes = new ArrayList<>();

    public Simulation(long seed) {
        this(seed, KubeletTiming.DEFAULT);
    }

    /** A null kubelet timing leaves pods bound but never started, for measuring the scheduler alone. */
    public Simulation(long seed, KubeletTiming kubeletTiming) {
        this(seed, kubeletTiming, SchedulerConfiguration.defaults());
    }

    public Simulation(long seed, KubeletTiming kubeletTiming, SchedulerConfiguration schedulerConfiguration) {
        this(seed, kubeletTiming, schedulerConfiguration, SimClock.DEFAULT_EPOCH);
    }

    /** The epoch is the simulated wall-clock instant at time zero (scenarios set the time of day with it). */
    public Simulation(long seed, KubeletTiming kubeletTiming, SchedulerConfiguration schedulerConfiguration, Instant epoch) {
        this.clock = new SimClock(epoch);
        SeededRandom random = new SeededRandom(seed);
        this.store = new ObjectStore(clock, random);
        store.addAdmission(new PodAdmission());
        this.nodePools = new NodePoolController(store, InstanceTypeCatalog.bundled());
        new DeploymentController(store);
        new ReplicaSetController(store);
        new StatefulSetController(store);
        new DaemonSetController(store);
        new DisruptionController(store);
        this.metricsServer = new MetricsServer(store);
        this.horizontalController = new HorizontalController(store, new MetricsApis(store, metricsServer, metricsAdapter));
        StoreListers listers = new StoreListers(store);
        this.scheduler = new Scheduler(store, random, schedulerConfiguration.profiles().stream()
                .map(p -> PluginRegistry.build(p, listers)).toList());
        this.kubelet = kubeletTiming == null ? null : new Kubelet(store, kubeletTiming);
        var caProfile = schedulerConfiguration.profiles().stream()
                .filter(p -> p.schedulerName().equals(dev.sandtable.scheduler.framework.Profile.DEFAULT_SCHEDULER)).findFirst()
                .orElse(schedulerConfiguration.profiles().get(0));
        // Its own plugin instances: the what-if simulations must not disturb the scheduler's incremental indexes.
        this.autoscaler = new ClusterAutoscaler(store, nodePools, PluginRegistry.build(caProfile, listers), seed);
        bootstrap();
    }

    /** What kube-apiserver creates at start-up: the system namespaces and priority classes. */
    private void bootstrap() {
        for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            store.create(namespace(ns));
        }
        store.create(priorityClass("system-cluster-critical", 2_000_000_000));
        store.create(priorityClass("system-node-critical", 2_000_001_000));
    }

    /** Creates the objects in dependency order, adding any namespace they name but do not define. */
    public void apply(List<? extends HasMetadata> objects) {
        List<HasMetadata> ordered = new ArrayList<>();
        for (HasMetadata o : objects) {
            // The API server stores HPAs as autoscaling/v2 and serves v1 by conversion; the controller reads v2.
            ordered.add(o instanceof HorizontalPodAutoscaler v1
                    ? AutoscalingV1.toV2(v1) : o);
        }
        ordered.sort(Comparator.comparingInt(o -> APPLY_ORDER.getOrDefault(o.getKind(), 7)));
        for (HasMetadata o : ordered) {
            if (o instanceof Namespaced) {
                String ns = o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
                if (store.get(Namespace.class, "", ns).isEmpty()) {
                    store.create(namespace(ns));
                    notes.add("namespace " + ns + " is used but not defined in the manifests; created it");
                }
            }
            if (o instanceof Namespace || o instanceof PriorityClass) {
                if (store.get(o.getClass(), "", o.getMetadata().getName()).isPresent()) {
                    continue;
                }
            }
            store.create(o);
        }
    }

    public void runFor(Duration duration) {
        clock.runUntil(clock.nowMillis() + duration.toMillis());
    }

    /** Runs until no component has work left but housekeeping, at most for the limit; true when it settled. */
    public boolean settle(Duration limit) {
        return clock.runUntilSettled(clock.nowMillis() + limit.toMillis());
    }

    public SimClock clock() {
        return clock;
    }

    public ObjectStore store() {
        return store;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The kubelets, or null when the simulation was built to measure the scheduler alone. */
    public Kubelet kubelet() {
        return kubelet;
    }

    /** The cluster autoscaler; it acts only when some NodePool has autoscaling on. */
    public ClusterAutoscaler autoscaler() {
        return autoscaler;
    }

    /** metrics-server: what it scrapes comes from a scenario's usage model. */
    public MetricsServer metricsServer() {
        return metricsServer;
    }

    /** The custom and external metrics adapter a scenario feeds. */
    public MetricsAdapter metricsAdapter() {
        return metricsAdapter;
    }

    public HorizontalController horizontalController() {
        return horizontalController;
    }

    public NodePoolController nodePools() {
        return nodePools;
    }

    /** Things the simulation did on the user's behalf, for the report. */
    public List<String> notes() {
        return notes;
    }

    public List<Node> nodes() {
        return store.list(Node.class);
    }

    private static Namespace namespace(String name) {
        Namespace ns = new Namespace();
        ns.setApiVersion("v1");
        ns.setKind("Namespace");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setLabels(new HashMap<>(Map.of("kubernetes.io/metadata.name", name)));
        ns.setMetadata(meta);
        return ns;
    }

    private static PriorityClass priorityClass(String name, int value) {
        PriorityClass pc = new PriorityClass();
        pc.setApiVersion("scheduling.k8s.io/v1");
        pc.setKind("PriorityClass");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        pc.setMetadata(meta);
        pc.setValue(value);
        return pc;
    }
}
