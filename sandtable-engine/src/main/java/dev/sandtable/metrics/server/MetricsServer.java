package dev.sandtable.metrics.server;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Quantities;
import dev.sandtable.metrics.LoadModel;
import dev.sandtable.metrics.UsageModel;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * metrics-server v0.7 (kubernetes-sigs/metrics-server): scrapes every pod's CPU and memory from the kubelets every
 * --metric-resolution (15 s) and serves the last scrape as metrics.k8s.io/v1beta1 PodMetrics and NodeMetrics, CPU
 * averaged over the window since the previous scrape. Usage comes from the scenario's usage model; without one (a run
 * without a scenario) there is nothing to scrape and the API answers with no metrics, as a cluster without load data.
 */
public final class MetricsServer {
    public static final Duration RESOLUTION = Duration.ofSeconds(15);
    /** A container started less than this before a scrape is not reported yet (metrics-server's fresh-container minimum). */
    static final long FRESH_CONTAINER_MIN_MILLIS = 10_000;

    private final ObjectStore store;
    private LoadModel load;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private long lastScrapeMillis = Long.MIN_VALUE;

    /** One pod's usage at the last scrape, split over its containers. */
    public static final class Sample {
        Pod pod;
        long timestampMillis;
        long windowMillis;
        double cpuMillis;
        double memoryBytes;
        double servedRps;
        UsageModel usage;
        String node;
        long seen;

        public Pod pod() {
            return pod;
        }

        public long timestampMillis() {
            return timestampMillis;
        }

        public long windowMillis() {
            return windowMillis;
        }

        public String node() {
            return node;
        }

        /** CPU in millicores summed over the containers, or of the named one (split by CPU requests). */
        public long cpuMillis(String container) {
            return Math.round(cpuMillis * share(container, "cpu"));
        }

        /** Memory (working set) in bytes summed over the containers, or of the named one (split by memory requests). */
        public long memoryBytes(String container) {
            return Math.round(memoryBytes * share(container, "memory"));
        }

        /** A custom metric the pod exposes: perRequest times the requests per second it served; NaN when it has none. */
        public double custom(String metric) {
            for (var m : usage.customMetrics()) {
                if (m.name().equals(metric)) {
                    return servedRps * m.perRps();
                }
            }
            return Double.NaN;
        }

        /** The container's share of the pod's usage: by request, equal when no container requests the resource; -1 when absent. */
        private double share(String container, String resource) {
            List<Container> cs = pod.getSpec().getContainers();
            if (container == null || container.isEmpty()) {
                return 1;
            }
            long total = 0, own = -1;
            for (Container c : cs) {
                Quantity q = c.getResources() == null || c.getResources().getRequests() == null ? null : c.getResources().getRequests().get(resource);
                long v = q == null ? 0 : Quantities.milliValue(q);
                total += v;
                if (c.getName().equals(container)) {
                    own = v;
                }
            }
            if (own < 0) {
                return -1;
            }
            return total == 0 ? 1.0 / cs.size() : (double) own / total;
        }

        public boolean hasContainer(String container) {
            return container == null || container.isEmpty() || pod.getSpec().getContainers().stream().anyMatch(c -> c.getName().equals(container));
        }
    }

    public MetricsServer(ObjectStore store) {
        this.store = store;
        store.clock().afterInBackground(RESOLUTION, this::tick);
    }

    /** The usage model to scrape from (set when a scenario drives load). */
    public void useLoad(LoadModel load) {
        this.load = load;
    }

    private void tick() {
        scrape();
        store.clock().afterInBackground(RESOLUTION, this::tick);
    }

    /** One scrape of every kubelet: each running pod whose containers have run long enough gets a sample. */
    void scrape() {
        if (load == null) {
            return;
        }
        long now = store.clock().now().toEpochMilli();
        long previous = lastScrapeMillis;
        lastScrapeMillis = now;
        for (LoadModel.PodLoad p : load.pods()) {
            Pod pod = p.pod();
            String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            if (p.node() == null || pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase()) || pod.getStatus().getStartTime() == null) {
                continue;
            }
            long started = Instant.parse(pod.getStatus().getStartTime()).toEpochMilli();
            if (now - started < FRESH_CONTAINER_MIN_MILLIS) {
                continue;
            }
            Sample s = samples.computeIfAbsent(key, k -> new Sample());
            s.pod = pod;
            s.timestampMillis = now;
            s.windowMillis = previous == Long.MIN_VALUE ? Math.min(RESOLUTION.toMillis(), now - started) : Math.min(now - previous, now - started);
            s.cpuMillis = p.cpuUsedMillis();
            s.memoryBytes = p.memoryUsedBytes();
            s.servedRps = p.servedRps();
            s.usage = p.usage();
            s.node = p.node();
            s.seen = now;
        }
        // Pods gone since the previous scrape disappear from the API.
        samples.values().removeIf(s -> s.seen != now);
    }

    /** The last sample of a pod, or null when metrics-server has none. */
    public Sample sample(String namespace, String name) {
        return samples.get(namespace + "/" + name);
    }

    public Iterable<Sample> samples() {
        return samples.values();
    }

    /** A pod's metrics as the metrics.k8s.io API serves them. */
    public static PodMetrics podMetrics(Sample s) {
        PodMetrics m = new PodMetrics();
        m.setApiVersion("metrics.k8s.io/v1beta1");
        m.setKind("PodMetrics");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(s.pod.getMetadata().getName());
        meta.setNamespace(s.pod.getMetadata().getNamespace());
        meta.setLabels(s.pod.getMetadata().getLabels());
        m.setMetadata(meta);
        m.setTimestamp(Instant.ofEpochMilli(s.timestampMillis).toString());
        m.setWindow(seconds(s.windowMillis));
        List<ContainerMetrics> containers = new ArrayList<>();
        for (Container c : s.pod.getSpec().getContainers()) {
            Map<String, Quantity> usage = new TreeMap<>();
            usage.put("cpu", new Quantity(s.cpuMillis(c.getName()) + "m"));
            usage.put("memory", new Quantity(Long.toString(s.memoryBytes(c.getName()))));
            containers.add(new ContainerMetrics(c.getName(), usage));
        }
        m.setContainers(containers);
        return m;
    }

    /** Every node's usage (the sum of its pods' samples), as NodeMetrics. */
    public List<NodeMetrics> nodeMetrics() {
        Map<String, double[]> byNode = new TreeMap<>();
        for (Sample s : samples.values()) {
            double[] v = byNode.computeIfAbsent(s.node, n -> new double[2]);
            v[0] += s.cpuMillis;
            v[1] += s.memoryBytes;
        }
        List<NodeMetrics> out = new ArrayList<>();
        byNode.forEach((node, v) -> {
            NodeMetrics m = new NodeMetrics();
            m.setApiVersion("metrics.k8s.io/v1beta1");
            m.setKind("NodeMetrics");
            ObjectMeta meta = new ObjectMeta();
            meta.setName(node);
            m.setMetadata(meta);
            m.setTimestamp(Instant.ofEpochMilli(lastScrapeMillis).toString());
            m.setWindow(seconds(RESOLUTION.toMillis()));
            Map<String, Quantity> usage = new HashMap<>();
            usage.put("cpu", new Quantity(Math.round(v[0]) + "m"));
            usage.put("memory", new Quantity(Long.toString(Math.round(v[1]))));
            m.setUsage(usage);
            out.add(m);
        });
        return out;
    }

    private static io.fabric8.kubernetes.api.model.Duration seconds(long millis) {
        return new io.fabric8.kubernetes.api.model.Duration(Duration.ofMillis(millis));
    }
}
