package dev.sandtable.autoscaler;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.api.WatchEvent;
import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.config.ClusterAutoscalerSettings;
import dev.sandtable.autoscaler.config.NodeGroupOptions;
import dev.sandtable.autoscaler.config.OptionsParser;
import dev.sandtable.autoscaler.expander.ExpanderChain;
import dev.sandtable.autoscaler.scaledown.Actuator;
import dev.sandtable.autoscaler.scaledown.DrainRules;
import dev.sandtable.autoscaler.scaledown.NodeVerdict;
import dev.sandtable.autoscaler.scaledown.ScaleDownPlanner;
import dev.sandtable.autoscaler.scaleup.ScaleUpDecision;
import dev.sandtable.autoscaler.scaleup.ScaleUpOrchestrator;
import dev.sandtable.autoscaler.simulator.ClusterSnapshot;
import dev.sandtable.autoscaler.simulator.NodeTemplates;
import dev.sandtable.autoscaler.simulator.PredicateChecker;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.cluster.NodePoolController;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.controller.disruption.Eviction;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.sim.GoDurations;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * cluster-autoscaler 1.31 (core/static_autoscaler.go RunOnce) as a simulated component: every scan interval it
 * scales up node pools for pods the scheduler marked unschedulable, and removes nodes that stayed unneeded long
 * enough, through the Eviction API. It acts on NodePools with autoscaling on, within their minCount and maxCount.
 */
public final class ClusterAutoscaler {
    private final ObjectStore store;
    private final SimClock clock;
    private final NodePoolController nodePools;
    private final ClusterSnapshot snapshot;
    private final NodeTemplates templates;
    private final Profile profile;
    private final SeededRandom random;
    private final Eviction eviction;
    // PodInfo is built once per pod state, not on every loop: 20,000 pending pods are re-examined every 10 s.
    private final Map<String, Pending> unschedulable = new LinkedHashMap<>();

    /** An unschedulable pod with its equivalence-group key, both computed once. */
    private record Pending(PodInfo info, String group) {
    }
    private final Set<String> deleting = new HashSet<>();
    private final Map<String, Long> backoffUntil = new HashMap<>();
    private final Map<String, Duration> backoffLength = new HashMap<>();
    private final List<ScaleUpDecision> scaleUps = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();
    private AutoscalingOptions options = AutoscalingOptions.defaults();
    private PredicateChecker checker;
    private ScaleUpOrchestrator orchestrator;
    private ScaleDownPlanner planner;
    private Actuator actuator;
    private boolean running;
    private long lastScaleUp = Long.MIN_VALUE / 2;
    private long lastScaleDownDelete = Long.MIN_VALUE / 2;
    private long lastScaleDownFail = Long.MIN_VALUE / 2;
    private int drainsInFlight;
    private int nodesAdded;
    private int nodesRemoved;
    private String lastNoScaleUp;

    /** Something the autoscaler did, for the run's log: when (simulated millis) and what. */
    public record Event(long atMillis, String text) {
    }

    /** The scheduler profile gives the Filter plugins the what-if simulations ask, as upstream builds its own framework. */
    public ClusterAutoscaler(ObjectStore store, NodePoolController nodePools, Profile profile, long seed) {
        this.store = store;
        this.clock = store.clock();
        this.nodePools = nodePools;
        this.profile = profile;
        this.random = new SeededRandom(seed ^ 0x5ca1ab1eL);
        this.eviction = new Eviction(store);
        this.snapshot = new ClusterSnapshot(store);
        this.templates = new NodeTemplates(store);
        configure(AutoscalingOptions.defaults());
        store.watch(Pod.class, this::onPod);
        store.watch(NodePool.class, e -> start());
        store.watch(ClusterAutoscalerSettings.class, e -> {
            if (e.type() != WatchEvent.Type.DELETED) {
                OptionsParser.Result r = OptionsParser.parse(e.object().getSpec());
                if (!r.errors().isEmpty()) {
                    throw new IllegalArgumentException("ClusterAutoscaler " + e.object().getMetadata().getName() + " is invalid: " + r.errors());
                }
                configure(r.options());
            }
        });
    }

    private void configure(AutoscalingOptions o) {
        this.options = o;
        this.checker = new PredicateChecker(new Framework(profile, random));
        this.orchestrator = new ScaleUpOrchestrator(o, checker, new ExpanderChain(o.expanders(), o.priorities(), random), templates);
        DrainRules rules = new DrainRules(o.skipNodesWithSystemPods(), o.skipNodesWithLocalStorage(), o.skipNodesWithCustomControllerPods(),
                DrainRules.Lookup.of(store, this::pdbsOf));
        this.planner = new ScaleDownPlanner(o, checker, rules);
        this.actuator = new Actuator(store, nodePools, eviction);
    }

    public AutoscalingOptions options() {
        return options;
    }

    private List<PodDisruptionBudget> pdbsOf(Pod pod) {
        return eviction.budgetsOf(pod);
    }

    private void start() {
        if (!running && nodePools.pools().values().stream().anyMatch(ResolvedNodePool::autoscaling)) {
            running = true;
            clock.afterInBackground(options.scanInterval(), this::loop);
        }
    }

    /** Pods the scheduler marked PodScheduled=False with reason Unschedulable, as upstream lists them. */
    private void onPod(WatchEvent<Pod> e) {
        Pod p = e.object();
        String uid = p.getMetadata().getUid();
        if (e.type() == WatchEvent.Type.DELETED || p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()) {
            unschedulable.remove(uid);
            return;
        }
        PodCondition c = Pods.condition(p, "PodScheduled");
        if (c != null && "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason())) {
            Pending known = unschedulable.get(uid);
            if (known == null || known.info().pod() != p) {
                unschedulable.put(uid, new Pending(new PodInfo(p), equivalenceKey(p)));
            }
        } else {
            unschedulable.remove(uid);
        }
    }

    public void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    private void event(String text) {
        Event ev = new Event(clock.nowMillis(), text);
        events.add(ev);
        listeners.forEach(l -> l.accept(ev));
    }

    private void loop() {
        runOnce();
        clock.afterInBackground(options.scanInterval(), this::loop);
    }

    /** One RunOnce: scale up for pending pods, else update unneeded nodes and, out of cool-down, remove some. */
    void runOnce() {
        long now = clock.nowMillis();
        Map<String, ResolvedNodePool> pools = nodePools.pools();
        ClusterSnapshot.Fork withUpcoming = snapshot.fork();
        for (ResolvedNodePool pool : pools.values()) {
            int upcoming = nodePools.targetSize(pool.name()) - nodePools.registeredSize(pool.name());
            for (int i = 0; i < upcoming; i++) {
                withUpcoming.addNode(templates.build(pool, "upcoming-" + pool.name() + "-" + i, nodePools.nextIndex(pool.name()) + i));
            }
        }
        List<List<PodInfo>> pending = pendingGroups(now, withUpcoming);
        boolean scaledUp = false;
        if (!pending.isEmpty()) {
            ScaleUpDecision d = orchestrator.decide(now, pending, withUpcoming, new ScaleUpOrchestrator.Groups(pools, nodePools::targetSize,
                    nodePools::nextIndex, this::backedOff, snapshot.nodes().size() + upcomingTotal(pools)));
            if (d.chosenPool() != null) {
                scaleUp(pools.get(d.chosenPool()), d);
                scaledUp = true;
            } else {
                String summary = "no scale-up for " + d.pendingPods() + " pending pod(s): " + d.pools().stream()
                        .map(v -> v.pool() + " " + v.reason()).reduce((a, b) -> a + "; " + b).orElse("no node pools");
                if (!summary.equals(lastNoScaleUp)) {
                    scaleUps.add(d);
                    event(summary);
                    lastNoScaleUp = summary;
                }
            }
        }
        if (!options.scaleDownEnabled()) {
            return;
        }
        planner.update(now, clock.now(), snapshot, pools, this::groupOptions, deleting);
        boolean cooldown = scaledUp || lastScaleUp + options.scaleDownDelayAfterAdd().toMillis() > now
                || lastScaleDownDelete + options.effectiveDelayAfterDelete().toMillis() > now
                || lastScaleDownFail + options.scaleDownDelayAfterFailure().toMillis() > now;
        if (!cooldown) {
            scaleDown(now, pools);
        }
    }

    private int upcomingTotal(Map<String, ResolvedNodePool> pools) {
        int n = 0;
        for (String p : pools.keySet()) {
            n += nodePools.targetSize(p) - nodePools.registeredSize(p);
        }
        return n;
    }

    /**
     * The unschedulable pods worth a scale-up, in equivalence groups (same controller and template): expendable pods and
     * pods younger than new-pod-scale-up-delay are left out, and so are pods that fit an existing or upcoming node
     * (filterOutSchedulable, which places them in the fork so they are not counted twice).
     */
    private List<List<PodInfo>> pendingGroups(long now, ClusterSnapshot.Fork fork) {
        Map<String, List<PodInfo>> groups = new LinkedHashMap<>();
        long delay = options.newPodScaleUpDelay().toMillis();
        for (Pending pending : unschedulable.values()) {
            PodInfo info = pending.info();
            Pod p = info.pod();
            Integer priority = p.getSpec().getPriority();
            if (priority != null && priority < options.expendablePodsPriorityCutoff()) {
                continue;
            }
            if (delay > 0 && p.getMetadata().getCreationTimestamp() != null
                    && java.time.Instant.parse(p.getMetadata().getCreationTimestamp()).toEpochMilli() + delay > clock.now().toEpochMilli()) {
                continue;
            }
            groups.computeIfAbsent(pending.group(), k -> new ArrayList<>()).add(info);
        }
        List<List<PodInfo>> out = new ArrayList<>();
        for (List<PodInfo> g : groups.values()) {
            int i = 0;
            for (; i < g.size(); i++) {
                NodeInfo fit = checker.fitsAny(g.get(i), fork.nodes(), n -> true);
                if (fit == null) {
                    break;
                }
                fork.addPod(fit.name(), g.get(i));
            }
            if (i < g.size()) {
                out.add(g.subList(i, g.size()));
            }
        }
        return out;
    }

    private static String equivalenceKey(Pod p) {
        var c = Pods.controllerOf(p);
        if (c == null) {
            return p.getMetadata().getUid();
        }
        var labels = p.getMetadata().getLabels() == null ? Map.<String, String>of() : p.getMetadata().getLabels();
        return c.getUid() + "|" + labels.getOrDefault("pod-template-hash", labels.getOrDefault("controller-revision-hash", ""));
    }

    private void scaleUp(ResolvedNodePool pool, ScaleUpDecision d) {
        long now = clock.nowMillis();
        scaleUps.add(d);
        lastScaleUp = now;
        lastNoScaleUp = null;
        NodeGroupOptions g = groupOptions(pool.name());
        int from = nodePools.targetSize(pool.name());
        for (int i = 0; i < d.nodes(); i++) {
            NodePoolController.Upcoming u = nodePools.increaseSize(pool, g.provisioningDelay());
            clock.afterInBackground(g.maxNodeProvisionTime(), () -> {
                if (u.cancel()) {
                    failedScaleUp(pool);
                }
            });
        }
        nodesAdded += d.nodes();
        event("scale-up: " + pool.name() + " " + from + " -> " + (from + d.nodes()) + " (" + d.nodes() + " node(s) for "
                + d.pendingPods() + " pending pod(s), e.g. " + d.examplePods().get(0) + "; expander " + String.join(",", d.expanders())
                + "; ready in " + GoDurations.format(g.provisioningDelay()) + ")");
    }

    /** A node that did not register within max-node-provision-time: give it up and back the pool off. */
    private void failedScaleUp(ResolvedNodePool pool) {
        Duration length = backoffLength.merge(pool.name(), options.initialNodeGroupBackoffDuration(),
                (old, init) -> old.multipliedBy(2).compareTo(options.maxNodeGroupBackoffDuration()) > 0 ? options.maxNodeGroupBackoffDuration() : old.multipliedBy(2));
        backoffUntil.put(pool.name(), clock.nowMillis() + length.toMillis());
        nodesAdded--;
        event("scale-up failed: a " + pool.name() + " node did not register within max-node-provision-time ("
                + GoDurations.format(groupOptions(pool.name()).maxNodeProvisionTime()) + "); the pool is backed off for " + GoDurations.format(length));
    }

    private String backedOff(String pool) {
        Long until = backoffUntil.get(pool);
        return until == null || until <= clock.nowMillis() ? null : GoDurations.clock(until);
    }

    private NodeGroupOptions groupOptions(String pool) {
        ResolvedNodePool p = nodePools.pools().get(pool);
        return options.forGroup(pool, p == null ? dev.sandtable.cluster.Provider.NONE : p.provider());
    }

    private void scaleDown(long now, Map<String, ResolvedNodePool> pools) {
        Map<String, Integer> leaving = new HashMap<>();
        for (String d : deleting) {
            NodeInfo n = snapshot.node(d);
            if (n != null) {
                leaving.merge(NodePoolController.poolOf(n.node()), 1, Integer::sum);
            }
        }
        int started = 0;
        int drains = drainsInFlight;
        List<ScaleDownPlanner.Candidate> removable = planner.removable(now, this::groupOptions);
        // Empty nodes first, as the actuator deletes them in bulk before draining any.
        removable.sort((a, b) -> Boolean.compare(!a.empty(), !b.empty()));
        for (ScaleDownPlanner.Candidate c : removable) {
            if (started >= options.maxScaleDownParallelism() || c.empty() && started >= options.maxEmptyBulkDelete()) {
                break;
            }
            ResolvedNodePool pool = pools.get(c.pool());
            int size = nodePools.targetSize(c.pool()) - leaving.getOrDefault(c.pool(), 0);
            if (size <= pool.minCount()) {
                planner.record(new NodeVerdict(c.node().name(), c.pool(), "kept", "unneeded, but its pool is at its minimum size ("
                        + pool.minCount() + ")", Double.NaN, now));
                continue;
            }
            if (!c.empty() && drains >= options.maxDrainParallelism()) {
                continue;
            }
            if (!c.empty()) {
                drains++;
                drainsInFlight++;
            }
            started++;
            leaving.merge(c.pool(), 1, Integer::sum);
            String name = c.node().name();
            deleting.add(name);
            planner.forget(name);
            int from = nodePools.targetSize(c.pool());
            String what = c.empty() ? "empty" : c.toMove().size() + " pod(s) evicted";
            boolean evictDaemons = c.empty() ? options.daemonSetEvictionForEmptyNodes() : options.daemonSetEvictionForOccupiedNodes();
            actuator.remove(c.node().node(), evictDaemons, options.maxPodEvictionTime(), outcome -> {
                deleting.remove(name);
                if (!c.empty()) {
                    drainsInFlight--;
                }
                if (outcome.removed()) {
                    lastScaleDownDelete = clock.nowMillis();
                    nodesRemoved++;
                    planner.record(new NodeVerdict(name, c.pool(), "removed", what, Double.NaN, clock.nowMillis()));
                    event("scale-down: " + c.pool() + " " + from + " -> " + nodePools.targetSize(c.pool()) + " (removed " + name + ", " + what + ")");
                } else {
                    lastScaleDownFail = clock.nowMillis();
                    planner.unremovable(clock.nowMillis(), name, c.pool(), "scale-down failed: " + outcome.reason());
                    event("scale-down failed: " + name + " (" + outcome.reason() + ")");
                }
            });
        }
    }

    /** Every scale-up considered (chosen or not), in order. */
    public List<ScaleUpDecision> scaleUps() {
        return scaleUps;
    }

    /** The latest verdict on each node of an autoscaling pool. */
    public Map<String, NodeVerdict> nodeVerdicts() {
        return planner.verdicts();
    }

    public List<Event> events() {
        return events;
    }

    public int nodesAdded() {
        return nodesAdded;
    }

    public int nodesRemoved() {
        return nodesRemoved;
    }

    /** Whether any pool autoscales, so the autoscaler runs at all. */
    public boolean active() {
        return running;
    }
}
