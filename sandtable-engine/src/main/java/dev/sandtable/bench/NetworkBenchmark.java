package dev.sandtable.bench;

import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.ReachabilityMatrix;
import dev.sandtable.network.WorkloadView;

/**
 * Times the full NetworkPolicy reachability matrix on a generated platform ({@link SyntheticNetwork}): taking the
 * snapshot, resolving every policy's selected pods and every rule's peers as bitsets, and computing the
 * workload-to-workload matrix with its edges. The generation of the input objects is not timed.
 */
public final class NetworkBenchmark {
    private NetworkBenchmark() {
    }

    /** One measurement, stage by stage, in milliseconds. */
    public record Result(int workloads, int pods, int policies, int classes, int edges, double snapshotMillis, double engineMillis,
                         double matrixMillis) {
        public double totalMillis() {
            return snapshotMillis + engineMillis + matrixMillis;
        }
    }

    public static Result run(int workloads, int podsPerWorkload, int policies) {
        NetworkSnapshot.Builder builder = SyntheticNetwork.snapshot(workloads, podsPerWorkload, policies);
        long t0 = System.nanoTime();
        NetworkSnapshot snapshot = builder.build();
        WorkloadView view = WorkloadView.of(snapshot);
        long t1 = System.nanoTime();
        PolicyEngine engine = new PolicyEngine(snapshot);
        long t2 = System.nanoTime();
        ReachabilityMatrix matrix = ReachabilityMatrix.compute(engine, view);
        int edges = matrix.edges().size();
        long t3 = System.nanoTime();
        return new Result(workloads, snapshot.size() - 2, snapshot.policies().size(), matrix.classes(), edges,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /** Arguments: workloads, pods per workload, policies, repetitions (defaults 1000 5 500 3). */
    public static void main(String[] args) {
        int workloads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pods = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int policies = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.println(header());
        for (int i = 0; i < repeat; i++) {
            System.out.println(line(run(workloads, pods, policies)));
        }
    }

    public static String header() {
        return String.format("%9s %6s %8s %7s %7s %11s %9s %9s %9s", "WORKLOADS", "PODS", "POLICIES", "CLASSES", "EDGES", "SNAPSHOT", "ENGINE", "MATRIX", "TOTAL");
    }

    public static String line(Result r) {
        return String.format("%9d %6d %8d %7d %7d %9.0fms %7.0fms %7.0fms %7.0fms", r.workloads(), r.pods(), r.policies(), r.classes(), r.edges(),
                r.snapshotMillis(), r.engineMillis(), r.matrixMillis(), r.totalMillis());
    }
}
