package dev.sandtable.autoscaler.expander;

import dev.sandtable.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The expanders of cluster-autoscaler 1.31 (expander/*): each keeps the best of the scale-up options, and a chain of
 * them ends with random among what is left (expander/factory/chain.go).
 */
public sealed interface Expander {
    String name();

    /** The best options by this expander's measure; every option that ties is kept. */
    List<Option> bestOptions(List<Option> options);

    /** random: keeps everything, the chain's final random pick decides. */
    record Random() implements Expander {
        public String name() {
            return "random";
        }

        public List<Option> bestOptions(List<Option> options) {
            return options;
        }
    }

    /** most-pods: the options that schedule the most pending pods. */
    record MostPods() implements Expander {
        public String name() {
            return "most-pods";
        }

        public List<Option> bestOptions(List<Option> options) {
            return best(options, o -> -o.pods().size());
        }
    }

    /** least-nodes: the options that add the fewest nodes. */
    record LeastNodes() implements Expander {
        public String name() {
            return "least-nodes";
        }

        public List<Option> bestOptions(List<Option> options) {
            return best(options, o -> o.nodeCount());
        }
    }

    /**
     * least-waste: the smallest sum of the CPU and memory fractions of the new nodes' capacity that the pods leave
     * unrequested (upstream reads capacity, not allocatable, and only the regular containers' requests).
     */
    record LeastWaste() implements Expander {
        public String name() {
            return "least-waste";
        }

        public List<Option> bestOptions(List<Option> options) {
            return best(options, LeastWaste::waste);
        }

        public static double waste(Option o) {
            long cpu = 0;
            long memory = 0;
            for (PodInfo p : o.pods()) {
                for (var c : p.spec().getContainers()) {
                    if (c.getResources() != null && c.getResources().getRequests() != null) {
                        var req = dev.sandtable.api.Resources.of(c.getResources().getRequests());
                        cpu += req.cpuMillis();
                        memory += req.memoryBytes();
                    }
                }
            }
            double availCpu = (double) o.pool().capacity().cpuMillis() * o.nodeCount();
            double availMemory = (double) o.pool().capacity().memoryBytes() * o.nodeCount();
            return (availCpu - cpu) / availCpu + (availMemory - memory) / availMemory;
        }
    }

    /**
     * price: the cheapest added capacity per hour. Upstream weighs node price against the pods' price and a preferred
     * node size; Sandtable compares the new nodes' price only (docs/fidelity.md).
     */
    record Price() implements Expander {
        public String name() {
            return "price";
        }

        public List<Option> bestOptions(List<Option> options) {
            return best(options, o -> o.pool().pricePerHour() * o.nodeCount());
        }
    }

    /** priority: the options whose pool name matches (anywhere, as Go's MatchString) a regex of the highest priority that matches any option. */
    record Priority(Map<Integer, List<String>> priorities) implements Expander {
        public String name() {
            return "priority";
        }

        public List<Option> bestOptions(List<Option> options) {
            Integer top = null;
            List<Option> out = new ArrayList<>();
            for (Option o : options) {
                Integer p = priorityOf(o.pool().name());
                if (p == null) {
                    continue;
                }
                if (top == null || p > top) {
                    top = p;
                    out.clear();
                }
                if (p.equals(top)) {
                    out.add(o);
                }
            }
            return out.isEmpty() ? options : out;
        }

        Integer priorityOf(String pool) {
            Integer best = null;
            for (var e : priorities.entrySet()) {
                // Upstream starts its running maximum at -1, so lower priorities never win.
                if (e.getKey() < -1) {
                    continue;
                }
                for (String regex : e.getValue()) {
                    if (Pattern.compile(regex).matcher(pool).find() && (best == null || e.getKey() > best)) {
                        best = e.getKey();
                    }
                }
            }
            return best;
        }
    }

    static Expander of(String name, Map<Integer, List<String>> priorities) {
        return switch (name) {
            case "random" -> new Random();
            case "most-pods" -> new MostPods();
            case "least-nodes" -> new LeastNodes();
            case "least-waste" -> new LeastWaste();
            case "price" -> new Price();
            case "priority" -> new Priority(priorities);
            default -> throw new IllegalArgumentException("Expander " + name + " not supported");
        };
    }

    private static List<Option> best(List<Option> options, java.util.function.ToDoubleFunction<Option> cost) {
        List<Option> out = new ArrayList<>();
        double least = Double.POSITIVE_INFINITY;
        for (Option o : options) {
            double c = cost.applyAsDouble(o);
            if (c < least) {
                least = c;
                out.clear();
                out.add(o);
            } else if (c == least) {
                out.add(o);
            }
        }
        return out;
    }
}
