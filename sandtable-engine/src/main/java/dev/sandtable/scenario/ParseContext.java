package dev.sandtable.scenario;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.Quantities;
import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.sim.GoDurations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What parsing a scenario needs: the platform's workloads, Services and pools (to resolve names), the files next
 * to the scenario, the run's duration, and the list the parsers add their problems to, each with a field path.
 */
public final class ParseContext {
    private final Map<String, WorkloadRef> workloads = new LinkedHashMap<>();
    private final Map<String, LabelSelector> services = new LinkedHashMap<>();
    private final Set<String> pools = new LinkedHashSet<>();
    private final Set<String> hpas = new LinkedHashSet<>();
    private final ScenarioFiles files;
    private final List<FieldError> errors = new ArrayList<>();
    private Duration duration = Duration.ofMinutes(10);
    /** Where the run's duration was set, so that a time beyond it says what to lengthen. */
    private String durationSource = "spec.duration";

    public ParseContext(List<? extends HasMetadata> objects, ScenarioFiles files) {
        this.files = files;
        for (HasMetadata o : objects) {
            String ns = o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
            String name = o.getMetadata().getName();
            switch (o) {
                case Deployment d -> workloads.put("Deployment/" + ns + "/" + name, new WorkloadRef("Deployment", ns, name, d.getSpec().getSelector()));
                case StatefulSet s -> workloads.put("StatefulSet/" + ns + "/" + name, new WorkloadRef("StatefulSet", ns, name, s.getSpec().getSelector()));
                case DaemonSet d -> workloads.put("DaemonSet/" + ns + "/" + name, new WorkloadRef("DaemonSet", ns, name, d.getSpec().getSelector()));
                case Service s -> services.put(ns + "/" + name, s.getSpec() == null || s.getSpec().getSelector() == null ? null
                        : new LabelSelector(null, s.getSpec().getSelector()));
                case NodePool p -> pools.add(name);
                case Node n -> pools.add(n.getMetadata().getLabels() == null ? "(nodes)"
                        : n.getMetadata().getLabels().getOrDefault(NodeFactory.POOL_LABEL, "(nodes)"));
                default -> {
                    if ("HorizontalPodAutoscaler".equals(o.getKind())) {
                        hpas.add(ns + "/" + name);
                    }
                }
            }
        }
    }

    /** The HorizontalPodAutoscalers of the platform, as NAMESPACE/NAME. */
    public Set<String> hpas() {
        return hpas;
    }

    public ScenarioFiles files() {
        return files;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String path, String message, String hint) {
        errors.add(new FieldError(path, message, hint));
    }

    public Duration duration() {
        return duration;
    }

    void setDuration(Duration d, String source) {
        this.duration = d;
        this.durationSource = source;
    }

    public Set<String> pools() {
        return pools;
    }

    public Map<String, WorkloadRef> workloads() {
        return workloads;
    }

    public Set<String> services() {
        return services.keySet();
    }

    /** Resolves KIND/NAMESPACE/NAME, NAMESPACE/NAME or NAME to one workload, or records why it cannot. */
    public Optional<WorkloadRef> workload(Object ref, String path) {
        String r = ref == null ? "" : ref.toString();
        List<WorkloadRef> found = new ArrayList<>();
        for (Map.Entry<String, WorkloadRef> e : workloads.entrySet()) {
            WorkloadRef w = e.getValue();
            if (e.getKey().equals(r) || w.id().equals(r) || w.name().equals(r)) {
                found.add(w);
            }
        }
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.isEmpty()) {
            error(path, "unknown workload \"" + r + "\"", "name a Deployment, StatefulSet or DaemonSet of the platform as NAMESPACE/NAME"
                    + (workloads.isEmpty() ? "" : ", e.g. " + workloads.values().iterator().next().id()));
        } else {
            error(path, "workload \"" + r + "\" is ambiguous: " + found.stream().map(w -> w.kind() + "/" + w.id()).toList(),
                    "write KIND/NAMESPACE/NAME");
        }
        return Optional.empty();
    }

    /** Resolves NAMESPACE/NAME or NAME (unique) to a Service with a selector. */
    public Optional<String> service(Object ref, String path) {
        String r = ref == null ? "" : ref.toString();
        List<String> found = new ArrayList<>();
        for (String id : services.keySet()) {
            if (id.equals(r) || id.substring(id.indexOf('/') + 1).equals(r)) {
                found.add(id);
            }
        }
        if (found.size() == 1) {
            if (services.get(found.get(0)) == null) {
                error(path, "Service " + found.get(0) + " has no selector, so no pods serve it", "give the Service a spec.selector");
                return Optional.empty();
            }
            return Optional.of(found.get(0));
        }
        if (found.isEmpty()) {
            error(path, "unknown Service \"" + r + "\"", "name a Service of the platform as NAMESPACE/NAME"
                    + (services.isEmpty() ? "" : ", e.g. " + services.keySet().iterator().next()));
        } else {
            error(path, "Service \"" + r + "\" is ambiguous: " + found, "write NAMESPACE/NAME");
        }
        return Optional.empty();
    }

    public LabelSelector serviceSelector(String id) {
        return services.get(id);
    }

    public boolean hasPool(String pool) {
        return pools.contains(pool);
    }

    /** A duration field; records a problem and returns null when it is not one. */
    public Duration duration(Object v, String path) {
        try {
            return GoDurations.parse(v == null ? null : v.toString());
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage(), "durations look like 30s, 10m, 1h30m");
            return null;
        }
    }

    /** An event time: a duration within the run. */
    public Duration time(Object v, String path) {
        Duration d = duration(v, path);
        if (d != null && d.compareTo(duration) > 0) {
            afterTheEnd(path, path.substring(path.lastIndexOf('.') + 1) + " " + GoDurations.format(d) + " is");
            return null;
        }
        return d;
    }

    /** Records that what the subject names happens after the end of the run, and what to change. */
    void afterTheEnd(String path, String subject) {
        error(path, subject + " after the end of the run (" + GoDurations.format(duration) + ", set by " + durationSource + ")",
                "use times within the run, or a longer " + durationSource);
    }

    /** A number of at least min; records a problem when it is not. */
    public Double number(Object v, String path, double min) {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(v).strip());
            } catch (NumberFormatException e) {
                error(path, "expected a number, got " + v, "write e.g. 100");
                return null;
            }
        }
        if (d < min) {
            error(path, (min == 0 ? "must not be negative" : "must be at least " + (long) min) + ", got " + v,
                    min == 0 ? "load and counts are zero or more" : "use a larger value");
            return null;
        }
        return d;
    }

    /** A percentage written as 99.5% or 99.5, as a fraction (0.995). */
    public Double percent(Object v, String path) {
        String s = String.valueOf(v).strip();
        Double d = number(s.endsWith("%") ? s.substring(0, s.length() - 1) : s, path, 0);
        if (d != null && d > 100) {
            error(path, "a percentage above 100: " + v, "write e.g. 99.5%");
            return null;
        }
        return d == null ? null : d / 100;
    }

    /** A Kubernetes quantity (2m, 128Mi) as a decimal value in base units. */
    public BigDecimal quantity(Object v, String path) {
        try {
            return Quantities.parse(new Quantity(String.valueOf(v)));
        } catch (IllegalArgumentException e) {
            error(path, "invalid quantity \"" + v + "\": " + e.getMessage(), "write e.g. 2m (millicores) or 128Mi");
            return null;
        }
    }

    /** The single-key mapping an event or expectation is written as: its type key, its value. */
    public Optional<Map.Entry<String, Object>> typeEntry(Map<String, Object> entry, Set<String> reserved, Set<String> known, String path, String what) {
        List<Map.Entry<String, Object>> typed = new ArrayList<>();
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            if (!reserved.contains(e.getKey())) {
                typed.add(e);
            }
        }
        if (typed.size() != 1) {
            error(path, typed.isEmpty() ? what + " has no type" : what + " has several types " + typed.stream().map(Map.Entry::getKey).toList(),
                    "give exactly one of " + known);
            return Optional.empty();
        }
        if (!known.contains(typed.get(0).getKey())) {
            error(path + "." + typed.get(0).getKey(), "unknown " + what + " type " + typed.get(0).getKey(), "use one of " + known);
            return Optional.empty();
        }
        return Optional.of(typed.get(0));
    }
}
