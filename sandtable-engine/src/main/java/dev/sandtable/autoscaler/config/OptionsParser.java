package dev.sandtable.autoscaler.config;

import dev.sandtable.api.EditDistance;
import dev.sandtable.api.FieldError;
import dev.sandtable.sim.GoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Reads cluster-autoscaler 1.31 options from a ClusterAutoscaler object's spec, keyed by upstream flag names, and
 * refuses what the real autoscaler does not have, saying what it does instead.
 */
public final class OptionsParser {
    /** The expanders cluster-autoscaler 1.31 registers that Sandtable runs (grpc needs an external server). */
    public static final List<String> EXPANDERS = List.of("random", "most-pods", "least-waste", "least-nodes", "price", "priority");

    /** Per-pool keys: the options upstream lets a node group override, plus Sandtable's provisioning delay. */
    static final List<String> GROUP_KEYS = List.of("scale-down-utilization-threshold", "scale-down-unneeded-time",
            "scale-down-unready-time", "max-node-provision-time", "ignore-daemonsets-utilization", "provisioning-delay");

    /** Upstream flags that exist but change nothing in a simulation (connection, logging, cloud wiring). */
    static final Set<String> NO_EFFECT = Set.of("cloud-provider", "cloud-config", "kubeconfig", "kubernetes", "namespace",
            "cluster-name", "node-group-auto-discovery", "nodes", "logtostderr", "stderrthreshold", "v", "alsologtostderr",
            "leader-elect", "leader-elect-resource-lock", "write-status-configmap", "status-config-map-name", "address",
            "aws-use-static-instance-list", "balancing-ignore-label", "balancing-label", "record-duplicated-events",
            "emit-per-nodegroup-metrics", "profiling", "kube-client-qps", "kube-client-burst", "max-inactivity",
            "max-failing-time", "scale-down-simulation-timeout", "max-binpacking-time", "parallel-drain", "regional",
            "user-agent", "debugging-snapshot-enabled", "enable-proactive-scaleup", "gce-concurrent-refreshes");

    private OptionsParser() {
    }

    /** The options read, or the problems with their field paths (spec.KEY). */
    public record Result(AutoscalingOptions options, List<FieldError> errors) {
    }

    public static Result parse(Map<String, Object> spec) {
        Reader r = new Reader();
        AutoscalingOptions d = AutoscalingOptions.defaults();
        Map<String, Object> s = spec == null ? Map.of() : spec;
        for (String key : s.keySet()) {
            if (!TOP_KEYS.contains(key) && !GROUP_KEYS.contains(key) && !NO_EFFECT.contains(key)) {
                r.errors.add(unknown("spec." + key, key, TOP_KEYS));
            }
        }
        NodeGroupOptions defaults = group(r, s, "spec.", d.nodeGroupDefaults());
        Map<String, NodeGroupOptions> groups = new LinkedHashMap<>();
        if (s.get("nodeGroups") instanceof Map<?, ?> ng) {
            for (var e : ng.entrySet()) {
                String path = "spec.nodeGroups." + e.getKey();
                if (!(e.getValue() instanceof Map<?, ?> m)) {
                    r.errors.add(new FieldError(path, "node group options must be a mapping", "e.g. " + e.getKey() + ": {provisioning-delay: 4m}"));
                    continue;
                }
                @SuppressWarnings("unchecked") Map<String, Object> gm = (Map<String, Object>) m;
                for (String k : gm.keySet()) {
                    if (!GROUP_KEYS.contains(k)) {
                        r.errors.add(unknown(path + "." + k, k, GROUP_KEYS));
                    }
                }
                groups.put(String.valueOf(e.getKey()), group(r, gm, path + ".", defaults));
            }
        } else if (s.containsKey("nodeGroups")) {
            r.errors.add(new FieldError("spec.nodeGroups", "nodeGroups must map pool names to options", "e.g. nodeGroups: {frontend-pool: {provisioning-delay: 4m}}"));
        }
        List<String> expanders = expanders(r, s.get("expander"));
        Map<Integer, List<String>> priorities = priorities(r, s.get("priorities"));
        if (expanders.contains("priority") && priorities.isEmpty()) {
            r.errors.add(new FieldError("spec.expander", "the priority expander needs priorities",
                    "add spec.priorities, e.g. {50: [\"spot-.*\"], 10: [\".*\"]}, as the cluster-autoscaler-priority-expander ConfigMap has"));
        }
        AutoscalingOptions o = new AutoscalingOptions(
                r.duration(s, "scan-interval", d.scanInterval(), true),
                expanders,
                r.integer(s, "max-nodes-total", d.maxNodesTotal()),
                r.bool(s, "scale-down-enabled", d.scaleDownEnabled()),
                r.duration(s, "scale-down-delay-after-add", d.scaleDownDelayAfterAdd(), false),
                r.duration(s, "scale-down-delay-after-delete", d.scaleDownDelayAfterDelete(), false),
                r.duration(s, "scale-down-delay-after-failure", d.scaleDownDelayAfterFailure(), false),
                r.integer(s, "scale-down-non-empty-candidates-count", d.scaleDownNonEmptyCandidatesCount()),
                r.bool(s, "scale-down-unready-enabled", d.scaleDownUnreadyEnabled()),
                r.integer(s, "max-empty-bulk-delete", d.maxEmptyBulkDelete()),
                r.integer(s, "max-scale-down-parallelism", d.maxScaleDownParallelism()),
                r.integer(s, "max-drain-parallelism", d.maxDrainParallelism()),
                s.containsKey("max-graceful-termination-sec") ? Duration.ofSeconds(r.integer(s, "max-graceful-termination-sec", 600)) : d.maxGracefulTermination(),
                r.duration(s, "max-pod-eviction-time", d.maxPodEvictionTime(), false),
                r.signedInteger(s, "expendable-pods-priority-cutoff", d.expendablePodsPriorityCutoff()),
                r.duration(s, "new-pod-scale-up-delay", d.newPodScaleUpDelay(), false),
                r.bool(s, "skip-nodes-with-system-pods", d.skipNodesWithSystemPods()),
                r.bool(s, "skip-nodes-with-local-storage", d.skipNodesWithLocalStorage()),
                r.bool(s, "skip-nodes-with-custom-controller-pods", d.skipNodesWithCustomControllerPods()),
                r.duration(s, "unremovable-node-recheck-timeout", d.unremovableNodeRecheckTimeout(), false),
                r.duration(s, "initial-node-group-backoff-duration", d.initialNodeGroupBackoffDuration(), false),
                r.duration(s, "max-node-group-backoff-duration", d.maxNodeGroupBackoffDuration(), false),
                r.integer(s, "max-nodes-per-scaleup", d.maxNodesPerScaleUp()),
                r.bool(s, "enforce-node-group-min-size", d.enforceNodeGroupMinSize()),
                r.bool(s, "daemonset-eviction-for-occupied-nodes", d.daemonSetEvictionForOccupiedNodes()),
                r.bool(s, "daemonset-eviction-for-empty-nodes", d.daemonSetEvictionForEmptyNodes()),
                defaults, groups, priorities);
        if (Boolean.TRUE.equals(s.get("balance-similar-node-groups"))) {
            r.errors.add(new FieldError("spec.balance-similar-node-groups", "balance-similar-node-groups is not simulated yet",
                    "remove it (or set false); Sandtable scales the one pool the expander picks"));
        }
        return new Result(o, r.errors);
    }

    /** Top-level keys: upstream flag names, plus nodeGroups, priorities and provisioning-delay. */
    static final List<String> TOP_KEYS = List.of("scan-interval", "expander", "max-nodes-total", "scale-down-enabled",
            "scale-down-delay-after-add", "scale-down-delay-after-delete", "scale-down-delay-after-failure",
            "scale-down-utilization-threshold", "scale-down-unneeded-time", "scale-down-unready-time", "scale-down-unready-enabled",
            "scale-down-non-empty-candidates-count", "max-empty-bulk-delete", "max-scale-down-parallelism", "max-drain-parallelism",
            "max-graceful-termination-sec", "max-pod-eviction-time", "max-node-provision-time", "expendable-pods-priority-cutoff",
            "new-pod-scale-up-delay", "skip-nodes-with-system-pods", "skip-nodes-with-local-storage",
            "skip-nodes-with-custom-controller-pods", "ignore-daemonsets-utilization", "unremovable-node-recheck-timeout",
            "initial-node-group-backoff-duration", "max-node-group-backoff-duration", "max-nodes-per-scaleup",
            "enforce-node-group-min-size", "daemonset-eviction-for-occupied-nodes", "daemonset-eviction-for-empty-nodes",
            "balance-similar-node-groups", "provisioning-delay", "nodeGroups", "priorities");

    private static NodeGroupOptions group(Reader r, Map<String, Object> m, String prefix, NodeGroupOptions base) {
        r.prefix = prefix;
        double threshold = r.fraction(m, "scale-down-utilization-threshold", base.scaleDownUtilizationThreshold());
        NodeGroupOptions o = new NodeGroupOptions(threshold,
                r.duration(m, "scale-down-unneeded-time", base.scaleDownUnneededTime(), false),
                r.duration(m, "scale-down-unready-time", base.scaleDownUnreadyTime(), false),
                r.duration(m, "max-node-provision-time", base.maxNodeProvisionTime(), true),
                r.bool(m, "ignore-daemonsets-utilization", base.ignoreDaemonSetsUtilization()),
                m.containsKey("provisioning-delay") ? r.duration(m, "provisioning-delay", Duration.ZERO, false) : base.provisioningDelay());
        r.prefix = "spec.";
        return o;
    }

    private static List<String> expanders(Reader r, Object value) {
        if (value == null) {
            return List.of(AutoscalingOptions.DEFAULT_EXPANDER);
        }
        List<String> names = new ArrayList<>();
        for (String n : String.valueOf(value).split(",")) {
            names.add(n.trim());
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!EXPANDERS.contains(n)) {
                r.errors.add(new FieldError("spec.expander", "Expander " + n + " not supported",
                        "use one of " + String.join(", ", EXPANDERS) + ", or several separated by commas (e.g. priority,least-waste)"));
            } else if (names.subList(0, i).contains(n)) {
                r.errors.add(new FieldError("spec.expander", "Expander " + n + " was specified multiple times", "name each expander once"));
            } else if (i > 0 && names.get(i - 1).equals("random")) {
                r.errors.add(new FieldError("spec.expander", "Expander " + n + " came after random, which always returns one result",
                        "put random last, or leave it out: it is the fallback anyway"));
            }
        }
        return List.copyOf(names);
    }

    private static Map<Integer, List<String>> priorities(Reader r, Object value) {
        Map<Integer, List<String>> out = new TreeMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            r.errors.add(new FieldError("spec.priorities", "priorities must map a priority to a list of pool-name regexes", "e.g. {50: [\"spot-.*\"], 10: [\".*\"]}"));
            return out;
        }
        for (var e : m.entrySet()) {
            String path = "spec.priorities." + e.getKey();
            int p;
            try {
                p = Integer.parseInt(String.valueOf(e.getKey()));
            } catch (NumberFormatException ex) {
                r.errors.add(new FieldError(path, "priority \"" + e.getKey() + "\" is not an integer", "use integers as keys, higher wins"));
                continue;
            }
            List<String> regexes = new ArrayList<>();
            if (e.getValue() instanceof List<?> l) {
                for (Object o : l) {
                    try {
                        java.util.regex.Pattern.compile(String.valueOf(o));
                        regexes.add(String.valueOf(o));
                    } catch (java.util.regex.PatternSyntaxException ex) {
                        r.errors.add(new FieldError(path, "invalid regex \"" + o + "\": " + ex.getDescription(), "write a Go RE2-style regex, e.g. .*-spot"));
                    }
                }
            } else {
                r.errors.add(new FieldError(path, "priority " + p + " needs a list of regexes", "e.g. " + p + ": [\".*-spot\"]"));
            }
            out.put(p, List.copyOf(regexes));
        }
        return out;
    }

    private static FieldError unknown(String path, String key, List<String> known) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("scale-up") && (k.contains("threshold") || k.contains("utilization"))) {
            return new FieldError(path, "cluster-autoscaler 1.31 has no option " + key + ": it never scales up on utilisation, only for pods the scheduler cannot place",
                    "to keep headroom ahead of demand, run low-priority placeholder pods (over-provisioning, docs/autoscaling.md)");
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : known) {
            int dist = EditDistance.between(k, c);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        String hint = bestDistance <= Math.max(3, key.length() / 4) ? "did you mean " + best + "? " : "";
        return new FieldError(path, "unknown cluster-autoscaler option \"" + key + "\"", hint + "docs/autoscaling.md lists the options");
    }

    /** Reads typed values, collecting one error per bad value. */
    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();
        String prefix = "spec.";

        Duration duration(Map<String, Object> m, String key, Duration dflt, boolean positive) {
            Object v = m.get(key);
            if (v == null) {
                return dflt;
            }
            return read(key, v, (text, path) -> {
                Duration d = GoDurations.parse(text);
                if (d.isNegative() || positive && d.isZero()) {
                    throw new IllegalArgumentException(key + " must be " + (positive ? "positive" : "zero or more") + ", got " + text);
                }
                return d;
            }, dflt, "write a duration such as 10s, 10m or 1h");
        }

        int integer(Map<String, Object> m, String key, int dflt) {
            int v = signedInteger(m, key, dflt);
            if (v < 0) {
                errors.add(new FieldError(prefix + key, key + " must not be negative, got " + v, "use 0 or more"));
            }
            return v;
        }

        int signedInteger(Map<String, Object> m, String key, int dflt) {
            Object v = m.get(key);
            if (v == null) {
                return dflt;
            }
            return read(key, v, (text, path) -> Integer.parseInt(text), dflt, "write a whole number");
        }

        double fraction(Map<String, Object> m, String key, double dflt) {
            Object v = m.get(key);
            if (v == null) {
                return dflt;
            }
            return read(key, v, (text, path) -> {
                double d = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text) / (text.endsWith("%") ? 100 : 1);
                if (d < 0 || d > 1) {
                    throw new IllegalArgumentException(key + " must be between 0 and 1, got " + text);
                }
                return d;
            }, dflt, "write a fraction of allocatable such as 0.5");
        }

        boolean bool(Map<String, Object> m, String key, boolean dflt) {
            Object v = m.get(key);
            if (v == null) {
                return dflt;
            }
            return read(key, v, (text, path) -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(key + " must be true or false, got " + text);
            }, dflt, "write true or false");
        }

        private <T> T read(String key, Object v, BiFunction<String, String, T> parse, T dflt, String hint) {
            String text = String.valueOf(v).trim();
            try {
                return parse.apply(text, prefix + key);
            } catch (RuntimeException e) {
                String msg = e instanceof NumberFormatException ? "invalid value \"" + text + "\" for " + key : e.getMessage();
                errors.add(new FieldError(prefix + key, msg, hint));
                return dflt;
            }
        }
    }
}
