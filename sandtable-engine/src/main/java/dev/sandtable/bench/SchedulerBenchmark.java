package dev.sandtable.bench;

import dev.sandtable.engine.Simulation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
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
        return run(workload, nodeCount, initPods, measuredPods, DEFAULT_REPLICAS, seed);
    }

    /** Replicas per Deployment of the controller-made workloads unless asked otherwise. */
    public static final int DEFAULT_REPLICAS = 100;

    /** The objects a run creates before measuring: the nodes, then the initial pods (or what makes them). */
    public static List<HasMetadata> initialObjects(Workload workload, int nodeCount, int initPods, int replicas) {
        List<HasMetadata> out = new ArrayList<>(SyntheticCluster.nodes(nodeCount));
        Workload init = workload == Workload.REQUIRED_POD_ANTI_AFFINITY || workload.controllerMade() ? workload : Workload.BASIC;
        out.addAll(SyntheticCluster.objects(init, "init", initPods, replicas));
        return out;
    }

    /** The objects whose pods are measured. */
    public static List<HasMetadata> measuredObjects(Workload workload, int measuredPods, int replicas) {
        return SyntheticCluster.objects(workload, "measured", measuredPods, replicas);
    }

    public static Result run(Workload workload, int nodeCount, int initPods, int measuredPods, int replicas, long seed) {
        Simulation sim = new Simulation(seed, null);
        sim.apply(initialObjects(workload, nodeCount, initPods, replicas));
        sim.settle(Duration.ofHours(1));
        List<HasMetadata> measured = measuredObjects(workload, measuredPods, replicas);
        long started = System.nanoTime();
        sim.apply(measured);
        sim.settle(Duration.ofHours(1));
        long nanos = System.nanoTime() - started;
        int scheduled = 0;
        for (Pod p : sim.store().list(Pod.class)) {
            if (p.getMetadata().getName().startsWith("measured-") && p.getSpec().getNodeName() != null) {
                scheduled++;
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        // The heap figure is the live cluster's: keep the simulation reachable until it is taken.
        Reference.reachabilityFence(sim);
        return new Result(workload, nodeCount, initPods, measuredPods, scheduled, nanos, heap);
    }
}
