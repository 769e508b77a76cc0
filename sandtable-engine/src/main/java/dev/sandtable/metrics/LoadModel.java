package dev.sandtable.metrics;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.PodRequests;
import dev.sandtable.api.Pods;
import dev.sandtable.api.Resources;
import dev.sandtable.api.WatchEvent;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns demand into pod usage each tick: a target's requests per second are shared equally among its ready
 * endpoints, each pod serves what its CPU allows (its limit, or the node's unreserved CPU when it has none) and
 * drops the rest, and memory above the limit gets the container OOMKilled. Pods are indexed from watch events.
 */
public final class LoadModel {
    private final ObjectStore store;
    private final Map<String, PodLoad> pods = new LinkedHashMap<>();
    private final List<LoadTarget> targets = new ArrayList<>();
    private final Map<String, Map<String, PodLoad>> members = new HashMap<>();
    private final Map<String, TargetSample> lastSamples = new LinkedHashMap<>();
    private final Consumer<Pod> oomKiller;
    private final Map<String, Long> nodeCpu = new HashMap<>();

    /** The oomKiller is told when a container's memory goes over its limit (the kubelet restarts it). */
    public LoadModel(ObjectStore store, Consumer<Pod> oomKiller) {
        this.store = store;
        this.oomKiller = oomKiller;
        store.watch(Pod.class, this::onPod);
        store.watch(Node.class, e -> nodeCpu.remove(e.object().getMetadata().getName()));
    }

    /** What one target saw in the last tick. */
    public record TargetSample(double demand, double served, double dropped, int endpoints, boolean throttled) {
    }

    /** One pod's state and use, kept current from watch events and the last tick. */
    public static final class PodLoad {
        final Pod pod;
        final long cpuLimitMillis;
        final long memoryLimitBytes;
        final long cpuRequestMillis;
        final long memoryRequestBytes;
        boolean ready;
        String node;
        double assignedRps;
        double servedRps;
        double cpuUsedMillis;
        double memoryUsedBytes;
        UsageModel usage = UsageModel.DEFAULT;

        PodLoad(Pod pod) {
            this.pod = pod;
            Resources requests = PodRequests.of(pod.getSpec());
            long cpuLimit = 0, memLimit = 0;
            for (Container c : pod.getSpec().getContainers()) {
                Resources l = c.getResources() == null ? Resources.ZERO : Resources.of(c.getResources().getLimits());
                cpuLimit = l.cpuMillis() == 0 || cpuLimit < 0 ? -1 : cpuLimit + l.cpuMillis();
                memLimit = l.memoryBytes() == 0 || memLimit < 0 ? -1 : memLimit + l.memoryBytes();
            }
            this.cpuLimitMillis = cpuLimit;
            this.memoryLimitBytes = memLimit;
            this.cpuRequestMillis = requests.cpuMillis();
            this.memoryRequestBytes = requests.memoryBytes();
        }

        public double servedRps() {
            return servedRps;
        }

        public double cpuUsedMillis() {
            return cpuUsedMillis;
        }

        public double memoryUsedBytes() {
            return memoryUsedBytes;
        }

        public String node() {
            return node;
        }

        public Pod pod() {
            return pod;
        }

        public long cpuRequestMillis() {
            return cpuRequestMillis;
        }

        public long memoryRequestBytes() {
            return memoryRequestBytes;
        }

        /** The usage model the pod followed in the last tick (the default when no load reached it). */
        public UsageModel usage() {
            return usage;
        }
    }

    public void addTarget(LoadTarget target) {
        targets.add(target);
        Map<String, PodLoad> m = new LinkedHashMap<>();
        for (PodLoad p : pods.values()) {
            if (selects(target, p.pod)) {
                m.put(key(p.pod), p);
            }
        }
        members.put(target.seriesKey(), m);
    }

    /** Replaces a target's demand from now on (a setLoad event). */
    public void overrideDemand(String seriesKey, long fromMillis, double rps) {
        for (int i = 0; i < targets.size(); i++) {
            LoadTarget t = targets.get(i);
            if (t.seriesKey().equals(seriesKey)) {
                targets.set(i, t.withDemand(new LoadProfile.SetLevel(fromMillis, rps, t.demand())));
            }
        }
    }

    public List<LoadTarget> targets() {
        return targets;
    }

    public Map<String, TargetSample> lastSamples() {
        return lastSamples;
    }

    public Iterable<PodLoad> pods() {
        return pods.values();
    }

    /** Spreads demand at this instant over ready endpoints and computes every pod's use. */
    public void tick(long offsetMillis, double hourOfDay) {
        for (PodLoad p : pods.values()) {
            p.assignedRps = 0;
            p.usage = UsageModel.DEFAULT;
        }
        Map<String, Double> demandOf = new HashMap<>();
        for (LoadTarget t : targets) {
            double demand = Math.max(0, t.demand().rps(offsetMillis, hourOfDay));
            demandOf.put(t.seriesKey(), demand);
            Map<String, PodLoad> m = members.get(t.seriesKey());
            int ready = 0;
            for (PodLoad p : m.values()) {
                if (p.ready) {
                    ready++;
                }
            }
            if (ready == 0) {
                continue;
            }
            double share = demand / ready;
            if (share == 0) {
                continue;
            }
            for (PodLoad p : m.values()) {
                if (p.ready) {
                    p.assignedRps += share;
                    // A pod behind several loaded targets uses the usage model of the last one; document says one per pod.
                    p.usage = t.usage();
                }
            }
        }
        Map<String, long[]> nodeRequests = new HashMap<>();
        for (PodLoad p : pods.values()) {
            if (p.node != null) {
                nodeRequests.computeIfAbsent(p.node, n -> new long[1])[0] += p.cpuRequestMillis;
            }
        }
        List<Pod> oom = new ArrayList<>();
        for (PodLoad p : pods.values()) {
            UsageModel u = p.usage;
            double capacity = p.cpuLimitMillis > 0 ? p.cpuLimitMillis : unreservedCpu(p, nodeRequests);
            double maxRps = u.cpuMillisPerRps() <= 0 ? Double.MAX_VALUE : Math.max(0, capacity - u.cpuBaseMillis()) / u.cpuMillisPerRps();
            p.servedRps = p.ready ? Math.min(p.assignedRps, maxRps) : 0;
            p.cpuUsedMillis = p.node == null ? 0 : Math.min(capacity, u.cpuBaseMillis() + p.assignedRps * u.cpuMillisPerRps());
            double memBase = u.memoryBaseFromRequest() ? p.memoryRequestBytes : u.memoryBaseBytes();
            p.memoryUsedBytes = p.node == null ? 0 : memBase + p.servedRps * u.memoryBytesPerRps();
            if (p.ready && p.memoryLimitBytes > 0 && p.memoryUsedBytes > p.memoryLimitBytes) {
                oom.add(p.pod);
            }
        }
        lastSamples.clear();
        for (LoadTarget t : targets) {
            double demand = demandOf.get(t.seriesKey());
            double served = 0;
            int endpoints = 0;
            boolean throttled = false;
            for (PodLoad p : members.get(t.seriesKey()).values()) {
                if (p.ready) {
                    endpoints++;
                }
            }
            double share = endpoints == 0 ? 0 : demand / endpoints;
            for (PodLoad p : members.get(t.seriesKey()).values()) {
                if (p.ready && p.assignedRps > 0) {
                    // A pod behind several targets serves each in proportion to what each sent it.
                    served += p.servedRps * share / p.assignedRps;
                    throttled |= p.servedRps < p.assignedRps;
                }
            }
            lastSamples.put(t.seriesKey(), new TargetSample(demand, Math.min(served, demand), Math.max(0, demand - served), endpoints, throttled));
        }
        oom.forEach(oomKiller);
    }

    private double unreservedCpu(PodLoad p, Map<String, long[]> nodeRequests) {
        if (p.node == null) {
            return 0;
        }
        long alloc = nodeCpu.computeIfAbsent(p.node, name -> store.get(Node.class, "", name)
                .map(n -> n.getStatus() == null ? 0L : Resources.of(n.getStatus().getAllocatable()).cpuMillis()).orElse(0L));
        long others = nodeRequests.getOrDefault(p.node, new long[1])[0] - p.cpuRequestMillis;
        return Math.max(p.cpuRequestMillis, alloc - others);
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod pod = e.object();
        String key = key(pod);
        if (e.type() == WatchEvent.Type.DELETED || !Pods.isActive(pod)) {
            pods.remove(key);
            members.values().forEach(m -> m.remove(key));
            return;
        }
        PodLoad p = pods.get(key);
        if (p == null || p.pod != pod) {
            p = new PodLoad(pod);
            pods.put(key, p);
            for (LoadTarget t : targets) {
                Map<String, PodLoad> m = members.get(t.seriesKey());
                if (selects(t, pod)) {
                    m.put(key, p);
                } else {
                    m.remove(key);
                }
            }
        }
        p.ready = Pods.isReady(pod);
        p.node = pod.getSpec().getNodeName();
    }

    private static boolean selects(LoadTarget t, Pod pod) {
        return t.namespace().equals(pod.getMetadata().getNamespace()) && LabelSelectors.matches(t.selector(), pod.getMetadata().getLabels());
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
