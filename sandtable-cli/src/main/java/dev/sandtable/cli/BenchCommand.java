package dev.sandtable.cli;

import dev.sandtable.bench.SchedulerBenchmark;
import dev.sandtable.bench.Workload;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable bench: scheduler throughput on generated clusters, in the shape of kube-scheduler's scheduler_perf. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Measure scheduling throughput on a generated cluster (scheduler_perf-shaped nodes and pods).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--workload", split = ",", defaultValue = "BASIC",
            description = "BASIC, TOPOLOGY_SPREAD, NODE_AFFINITY, PREFERRED_POD_AFFINITY, REQUIRED_POD_ANTI_AFFINITY (comma-separated; default: ${DEFAULT-VALUE}).")
    List<Workload> workloads;

    @Option(names = "--nodes", defaultValue = "5000", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--init-pods", defaultValue = "1000", description = "Pods scheduled before measuring (default: ${DEFAULT-VALUE}).")
    int initPods;

    @Option(names = "--pods", defaultValue = "10000", description = "Pods measured (default: ${DEFAULT-VALUE}).")
    int pods;

    @Option(names = "--repeat", defaultValue = "3", description = "Measurements per workload; the first warms the JIT (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--network", description = "Time the NetworkPolicy reachability matrix instead: 1,000 workloads of 5 pods and 500 policies.")
    boolean network;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (nodes <= 0 || pods <= 0 || initPods < 0 || repeat <= 0) {
            throw new BadInputException("--nodes, --pods and --repeat must be positive and --init-pods not negative (hint: e.g. --nodes 5000 --pods 10000)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (network) {
            out.println(dev.sandtable.bench.NetworkBenchmark.header());
            for (int i = 0; i < repeat; i++) {
                out.println(dev.sandtable.bench.NetworkBenchmark.line(dev.sandtable.bench.NetworkBenchmark.run(1000, 5, 500)));
                out.flush();
            }
            return Main.OK;
        }
        out.printf("%-27s %6s %8s %8s %10s %10s %9s%n", "WORKLOAD", "NODES", "INIT", "PODS", "SCHEDULED", "PODS/S", "HEAP");
        for (Workload w : workloads) {
            for (int i = 0; i < repeat; i++) {
                SchedulerBenchmark.Result r = SchedulerBenchmark.run(w, nodes, initPods, pods, i + 1);
                out.printf("%-27s %6d %8d %8d %10d %10.0f %8dM%n", w, r.nodes(), r.initPods(), r.measuredPods(), r.scheduled(),
                        r.podsPerSecond(), r.heapBytes() >> 20);
                out.flush();
            }
        }
        return Main.OK;
    }
}
