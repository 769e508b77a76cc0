package dev.sandtable.scenario;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.controller.podautoscaler.HorizontalController;
import dev.sandtable.engine.Simulation;
import dev.sandtable.metrics.LoadModel;
import dev.sandtable.metrics.LoadProfile;
import dev.sandtable.metrics.LoadTarget;
import dev.sandtable.metrics.UsageModel;
import dev.sandtable.metrics.adapter.MetricsAdapter;
import dev.sandtable.report.ClusterReports;
import dev.sandtable.scenario.expectations.Evidence;
import dev.sandtable.scenario.expectations.Expectation;
import dev.sandtable.sim.GoDurations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Runs a scenario on a simulation: applies the platform, drives load every resolution step, fires the timed
 * events, records the series, and checks the expectations at the end.
 */
public final class ScenarioRunner {
    private final Simulation sim;
    private final ParsedScenario scenario;
    private final LoadModel load;
    private final PendingTracker pending;
    private final Recorder recorder;
    private final OomKills oomKills;
    private final List<String> log = new ArrayList<>();
    private final Map<String, String> poolOfNode = new HashMap<>();
    private final Set<String> loadedKeys = new HashSet<>();
    private final Map<String, String> ownerOf = new HashMap<>();
    private final Map<String, Recorder.Handle[]> handles = new HashMap<>();
    private int addedAtStart;
    private int removedAtStart;

    /** How far the run is, for a progress bar. */
    public record Progress(long simulatedMillis, long totalMillis) {
    }

    /** Watches are registered here, before the platform is applied, so that no pod creation is missed. */
    public ScenarioRunner(Simulation sim, ParsedScenario scenario) {
        this.sim = sim;
        this.scenario = scenario;
        this.oomKills = new OomKills(sim.store());
        this.load = new LoadModel(sim.store(), pod -> oomKills.killed(pod, sim.kubelet().oomKill(pod), sim.clock().nowMillis() - startMillis, log));
        this.pending = new PendingTracker(sim.store());
        this.recorder = new Recorder(scenario.resolution().toMillis(), scenario.duration().toMillis());
        long start = scenario.warmup().toMillis();
        // Scale events join the scenario's log; those of the warm-up are part of the starting state, not of the run.
        sim.autoscaler().onEvent(e -> {
            if (e.atMillis() >= start) {
                log.add(GoDurations.clock(e.atMillis() - start) + " " + e.text());
            }
        });
        sim.horizontalController().onSync(this::onHpaSync);
    }

    private long startMillis = Long.MAX_VALUE;
    private final Map<String, String> lastHpaWarning = new HashMap<>();

    /** Rescales go to the log as upstream's events read; a warning only when it differs from the HPA's previous one. */
    private void onHpaSync(HorizontalController.Synced s) {
        if (sim.clock().nowMillis() < startMillis) {
            return;
        }
        String hpa = s.decision().hpa();
        String offset = GoDurations.clock(sim.clock().nowMillis() - startMillis);
        String warning = null;
        for (var e : s.decision().events()) {
            if (e.type().equals("Normal")) {
                log.add(offset + " HorizontalPodAutoscaler " + hpa + " " + e.reason() + ": " + e.message());
            } else if (warning == null) {
                warning = e.reason() + ": " + e.message();
            }
        }
        if (warning != null && !warning.equals(lastHpaWarning.get(hpa))) {
            log.add(offset + " HorizontalPodAutoscaler " + hpa + " Warning " + warning);
        }
        lastHpaWarning.put(hpa, warning);
    }

    public ScenarioResult run(List<? extends HasMetadata> platform, Consumer<Progress> progress) {
        sim.apply(platform);
        long start = scenario.warmup().toMillis();
        sim.clock().runUntil(start);
        pending.startAt(start);
        startMillis = start;
        // Usage exists from time 0, when load starts; before it metrics-server has nothing to report.
        sim.metricsServer().useLoad(load);
        scenario.load().forEach(load::addTarget);
        scenario.load().forEach(t -> loadedKeys.add(t.seriesKey()));
        for (Service s : sim.store().list(Service.class)) {
            String key = "service[" + s.getMetadata().getNamespace() + "/" + s.getMetadata().getName() + "]";
            if (s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                    && load.targets().stream().noneMatch(t -> t.seriesKey().equals(key))) {
                load.addTarget(new LoadTarget(LoadTarget.Kind.SERVICE, s.getMetadata().getNamespace(), s.getMetadata().getName(),
                        new LabelSelector(null, s.getSpec().getSelector()), new LoadProfile.Constant(0), UsageModel.DEFAULT));
            }
        }
        for (ParsedScenario.ExternalMetric m : scenario.externalMetrics()) {
            // Read when the HPA asks: a profile at the current offset, or the newest sample of a recorded series.
            DoubleSupplier value = m.profile() != null
                    ? () -> m.profile().rps(Math.max(0, sim.clock().nowMillis() - start), (sim.clock().now().getEpochSecond() % 86400) / 3600.0)
                    : () -> recorder.latest(m.series());
            sim.metricsAdapter().addExternal(new MetricsAdapter.ExternalSeries(m.name(), m.labels(), value));
        }
        ScenarioRuntime runtime = new ScenarioRuntime(sim, load, log, start);
        for (ParsedScenario.TimedEvent e : scenario.events()) {
            sim.clock().at(start + e.at().toMillis(), () -> e.event().apply(runtime));
        }
        long end = scenario.duration().toMillis();
        long step = scenario.resolution().toMillis();
        long progressEvery = Math.max(step, end / 100);
        scheduleTick(start, 0, step, end, progressEvery, progress);
        sim.clock().runUntil(start + end);
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation x : scenario.expectations()) {
            verdicts.add(x.evaluate(new Evidence(recorder, pending, end, sim)));
        }
        Map<String, double[]> series = recorder.asMap();
        return new ScenarioResult(scenario.name(), GoDurations.format(scenario.duration()), scenario.seed(),
                GoDurations.format(scenario.resolution()), verdicts, List.copyOf(log), figures(), series);
    }

    private void scheduleTick(long start, long at, long step, long end, long progressEvery, Consumer<Progress> progress) {
        sim.clock().at(start + at, () -> {
            tick(at);
            if (at % progressEvery < step) {
                progress.accept(new Progress(at, end));
            }
            if (at + step <= end) {
                scheduleTick(start, at + step, step, end, progressEvery, progress);
            }
        });
    }

    private void tick(long offset) {
        double hour = (sim.clock().now().getEpochSecond() % 86400) / 3600.0;
        load.tick(offset, hour);
        recorder.nextSample();
        ObjectStore store = sim.store();
        List<Node> nodes = store.list(Node.class);
        Map<String, double[]> pools = new LinkedHashMap<>();
        for (String p : sim.nodePools().pools().keySet()) {
            pools.put(p, new double[5]);
        }
        for (Node n : nodes) {
            String pool = poolOfNode.computeIfAbsent(n.getMetadata().getName(), k -> n.getMetadata().getLabels() == null ? ClusterReports.UNPOOLED
                    : n.getMetadata().getLabels().getOrDefault(NodeFactory.POOL_LABEL, ClusterReports.UNPOOLED));
            pools.computeIfAbsent(pool, p -> new double[5])[0]++;
        }
        int pendingPods = 0;
        for (LoadModel.PodLoad p : load.pods()) {
            if (p.node() == null) {
                pendingPods++;
                continue;
            }
            double[] acc = pools.get(poolOfNode.getOrDefault(p.node(), ClusterReports.UNPOOLED));
            if (acc != null) {
                acc[1] += p.cpuRequestMillis() / 1000.0;
                acc[2] += p.cpuUsedMillis() / 1000.0;
                acc[3] += p.memoryRequestBytes() / 1048576.0;
                acc[4] += p.memoryUsedBytes() / 1048576.0;
            }
        }
        pools.forEach((pool, v) -> {
            Recorder.Handle[] h = handles.computeIfAbsent("pool[" + pool + "]", k -> handles(k, SeriesNames.POOL));
            for (int i = 0; i < 5; i++) {
                h[i].set(v[i]);
            }
        });
        recorder.set("cluster.nodes", nodes.size());
        recorder.set("cluster.pendingPods", pendingPods);
        if (offset == 0) {
            addedAtStart = sim.autoscaler().nodesAdded();
            removedAtStart = sim.autoscaler().nodesRemoved();
        }
        recorder.set("cluster.nodesAdded", sim.autoscaler().nodesAdded() - addedAtStart);
        recorder.set("cluster.nodesRemoved", sim.autoscaler().nodesRemoved() - removedAtStart);
        Map<String, Integer> pendingByWorkload = new HashMap<>();
        for (LoadModel.PodLoad p : load.pods()) {
            if (p.node() == null) {
                String owner = ownerOf.computeIfAbsent(p.pod().getMetadata().getUid(), uid -> {
                    HasMetadata o = ClusterReports.topOwner(store, p.pod());
                    return o == null ? "" : o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
                });
                if (!owner.isEmpty()) {
                    pendingByWorkload.merge(owner, 1, Integer::sum);
                }
            }
        }
        for (Deployment d : store.list(Deployment.class)) {
            workload(d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(), d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas(),
                    d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas(), pendingByWorkload);
        }
        for (StatefulSet s : store.list(StatefulSet.class)) {
            workload(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(), s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas(),
                    s.getStatus() == null || s.getStatus().getReadyReplicas() == null ? 0 : s.getStatus().getReadyReplicas(), pendingByWorkload);
        }
        for (DaemonSet d : store.list(DaemonSet.class)) {
            workload(d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(),
                    d.getStatus() == null || d.getStatus().getDesiredNumberScheduled() == null ? 0 : d.getStatus().getDesiredNumberScheduled(),
                    d.getStatus() == null || d.getStatus().getNumberReady() == null ? 0 : d.getStatus().getNumberReady(), pendingByWorkload);
        }
        for (HorizontalPodAutoscaler hpa : store.list(HorizontalPodAutoscaler.class)) {
            var st = hpa.getStatus();
            Recorder.Handle[] h = handles.computeIfAbsent("hpa[" + hpa.getMetadata().getNamespace() + "/" + hpa.getMetadata().getName() + "]",
                    k -> handles(k, SeriesNames.HPA));
            h[0].set(st == null || st.getDesiredReplicas() == null ? 0 : st.getDesiredReplicas());
            h[1].set(st == null || st.getCurrentReplicas() == null ? 0 : st.getCurrentReplicas());
        }
        for (LoadTarget t : load.targets()) {
            LoadModel.TargetSample s = load.lastSamples().get(t.seriesKey());
            boolean loaded = loadedKeys.contains(t.seriesKey());
            if (t.kind() == LoadTarget.Kind.SERVICE) {
                Recorder.Handle[] h = handles.computeIfAbsent(t.seriesKey(), k -> handles(k, loaded ? SeriesNames.SERVICE : List.of("endpoints")));
                h[0].set(s.endpoints());
                if (loaded) {
                    h[1].set(s.demand());
                    h[2].set(s.served());
                    h[3].set(s.dropped());
                    h[4].set(s.demand() == 0 ? 1 : s.served() / s.demand());
                }
            } else if (loaded) {
                Recorder.Handle[] h = handles.computeIfAbsent(t.seriesKey() + "/load", k -> handles(t.seriesKey(), SeriesNames.LOADED));
                h[0].set(s.demand());
                h[1].set(s.served());
                h[2].set(s.dropped());
            }
            if (loaded && !t.usage().customMetrics().isEmpty()) {
                // Custom metrics are per-pod averages, as an HPA's Pods metric reads them.
                List<UsageModel.CustomMetric> metrics = t.usage().customMetrics();
                Recorder.Handle[] h = handles.computeIfAbsent(t.seriesKey() + "/metrics",
                        k -> handles(t.seriesKey(), metrics.stream().map(UsageModel.CustomMetric::name).toList()));
                double perPod = s.endpoints() == 0 ? 0 : s.served() / s.endpoints();
                for (int i = 0; i < metrics.size(); i++) {
                    h[i].set(perPod * metrics.get(i).perRps());
                }
            }
        }
    }

    private void workload(String id, int desired, int ready, Map<String, Integer> pendingByWorkload) {
        Recorder.Handle[] h = handles.computeIfAbsent("workload[" + id + "]", k -> handles(k, SeriesNames.WORKLOAD));
        h[0].set(desired);
        h[1].set(ready);
        h[2].set(pendingByWorkload.getOrDefault(id, 0));
    }

    private Recorder.Handle[] handles(String key, List<String> metrics) {
        Recorder.Handle[] h = new Recorder.Handle[metrics.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = recorder.handle(key + "." + metrics.get(i));
        }
        return h;
    }

    private List<ScenarioResult.Figure> figures() {
        List<ScenarioResult.Figure> out = new ArrayList<>();
        for (String name : recorder.names()) {
            double[] v = recorder.values(name);
            if (name.endsWith(".nodes") && name.startsWith("pool[")) {
                out.add(new ScenarioResult.Figure(name.substring(0, name.length() - 6) + " nodes", "min " + fmt(min(v)) + ", max " + fmt(max(v))));
            } else if (name.endsWith(".load")) {
                String key = name.substring(0, name.length() - 5);
                double[] served = recorder.values(key + ".served");
                double demand = sum(v);
                out.add(new ScenarioResult.Figure(key + " load", "peak " + fmt(max(v)) + " req/s, served "
                        + String.format(Locale.ROOT, "%.2f%%", demand == 0 ? 100 : 100 * sum(served) / demand)));
            }
        }
        out.add(new ScenarioResult.Figure("pending pods", "max " + fmt(max(recorder.values("cluster.pendingPods")))));
        out.addAll(oomKills.figures());
        if (sim.autoscaler().active()) {
            out.add(new ScenarioResult.Figure("cluster autoscaler", "added " + fmt(max(recorder.values("cluster.nodesAdded")))
                    + " node(s), removed " + fmt(max(recorder.values("cluster.nodesRemoved")))));
        }
        return out;
    }

    private static double max(double[] v) {
        double m = v.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = v.length == 0 ? 0 : Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Exposed for tests of how long pods waited. */
    PendingTracker pending() {
        return pending;
    }

    /** Every pod's state in the load model, for reports. */
    public Iterable<LoadModel.PodLoad> pods() {
        return load.pods();
    }
}
