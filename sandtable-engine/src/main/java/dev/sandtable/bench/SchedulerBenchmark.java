package dev.sandtable.bench;

import dev.sandtable.engine.Simulation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;

/**
 * Measures scheduling throughput the way scheduler_perf does: nodes and initial pods are created and
 * scheduled first, then the measured pods are created at once and the time until all are bound is taken.
 */
public final class SchedulerBenchmark {
    private SchedulerBenchmark() {
    }

    /** One measurement: pods scheduled, wall time of the measured phase, throughput and heap in use afterwards. */
    public record Result(Workload workload, int nodes, int initPods, int measuredPods, int scheduled, long nanos, long heapBytes) {
        public double podsPerSecond() {
            return scheduled / (nanos / 1e9);
        }
    }

    public static Result run(Workload workload, int nodeCount, int initPods, int measuredPods, long seed) {
        Simulation sim = new Simulation(seed, null);
        List<Node> nodes = SyntheticCluster.nodes(nodeCount);
        sim.apply(nodes);
        sim.apply(SyntheticCluster.pods(workload == Workload.REQUIRED_POD_ANTI_AFFINITY ? workload : Workload.BASIC, "init", initPods));
        sim.settle(Duration.ofHours(1));
        List<Pod> measured = SyntheticCluster.pods(workload, "measured", measuredPods);
        long started = System.nanoTime();
        sim.apply(measured);
        sim.settle(Duration.ofHours(1));
        long nanos = System.nanoTime() - started;
        int scheduled = 0;
        for (Pod p : measured) {
            if (p.getSpec().getNodeName() != null) {
                scheduled++;
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        // The heap figure is the live cluster's: keep the simulation reachable until it is taken.
        java.lang.ref.Reference.reachabilityFence(sim);
        return new Result(workload, nodeCount, initPods, measuredPods, scheduled, nanos, heap);
    }
}
