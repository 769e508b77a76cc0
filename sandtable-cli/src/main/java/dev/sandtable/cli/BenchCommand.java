package dev.sandtable.cli;

import dev.sandtable.bench.NetworkBenchmark;
import dev.sandtable.bench.SchedulerBenchmark;
import dev.sandtable.bench.SyntheticCluster;
import dev.sandtable.bench.Workload;
import dev.sandtable.cli.write.ManifestWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable bench: scheduler throughput on generated clusters, in the shape of kube-scheduler's scheduler_perf. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Measure scheduling throughput on a generated cluster (scheduler_perf-shaped nodes and pods).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--workload", split = ",", defaultValue = "BASIC",
            description = "BASIC, TOPOLOGY_SPREAD, NODE_AFFINITY, PREFERRED_POD_AFFINITY, REQUIRED_POD_ANTI_AFFINITY, SPREAD_ANTI_AFFINITY, "
                    + "DEPLOYMENTS (comma-separated; default: ${DEFAULT-VALUE}).")
    List<Workload> workloads;

    @Option(names = "--nodes", defaultValue = "5000", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--init-pods", defaultValue = "1000", description = "Pods scheduled before measuring (default: ${DEFAULT-VALUE}).")
    int initPods;

    @Option(names = "--pods", defaultValue = "10000", description = "Pods measured (default: ${DEFAULT-VALUE}).")
    int pods;

    @Option(names = "--repeat", defaultValue = "3", description = "Measurements per workload; the first warms the JIT (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--replicas", defaultValue = "" + SchedulerBenchmark.DEFAULT_REPLICAS,
            description = "Replicas per Deployment in the DEPLOYMENTS workload (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--write", paramLabel = "DIR",
            description = "Write the generated cluster (nodes.yaml) and workload (workload.yaml, initial then measured objects) to DIR instead of measuring, for run or schedule.")
    Path write;

    @Mixin
    CommonOptions common;

    @Option(names = "--network", description = "Time the NetworkPolicy reachability matrix instead: 1,000 workloads of 5 pods and 500 policies.")
    boolean network;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (nodes <= 0 || pods <= 0 || initPods < 0 || repeat <= 0 || replicas <= 0) {
            throw new BadInputException("--nodes, --pods, --replicas and --repeat must be positive and --init-pods not negative (hint: e.g. --nodes 5000 --pods 10000)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (write != null) {
            return write(out);
        }
        if (network) {
            out.println(NetworkBenchmark.header());
            for (int i = 0; i < repeat; i++) {
                out.println(NetworkBenchmark.line(NetworkBenchmark.run(1000, 5, 500)));
                out.flush();
            }
            return Main.OK;
        }
        out.printf("%-27s %6s %8s %8s %10s %10s %9s%n", "WORKLOAD", "NODES", "INIT", "PODS", "SCHEDULED", "PODS/S", "HEAP");
        for (Workload w : workloads) {
            for (int i = 0; i < repeat; i++) {
                SchedulerBenchmark.Result r = SchedulerBenchmark.run(w, nodes, initPods, pods, replicas, i + 1);
                out.printf("%-27s %6d %8d %8d %10d %10.0f %8dM%n", w, r.nodes(), r.initPods(), r.measuredPods(), r.scheduled(),
                        r.podsPerSecond(), r.heapBytes() >> 20);
                out.flush();
            }
        }
        return Main.OK;
    }

    /** Writes the first workload's inputs as manifests, so run and schedule can be measured on the same shapes. */
    private int write(PrintWriter out) {
        if (workloads.size() != 1) {
            throw new BadInputException("--write takes one --workload, got " + workloads + " (hint: e.g. --workload DEPLOYMENTS)");
        }
        Workload w = workloads.get(0);
        try {
            Files.createDirectories(write);
            List<HasMetadata> initial = SchedulerBenchmark.initialObjects(w, nodes, initPods, replicas);
            List<HasMetadata> nodeObjects = initial.subList(0, nodes);
            List<HasMetadata> workload = new ArrayList<>();
            workload.add(new NamespaceBuilder().withNewMetadata().withName(SyntheticCluster.NAMESPACE).endMetadata().build());
            workload.addAll(initial.subList(nodes, initial.size()));
            workload.addAll(SchedulerBenchmark.measuredObjects(w, pods, replicas));
            try (Writer f = Files.newBufferedWriter(write.resolve("nodes.yaml"))) {
                ManifestWriter.write(nodeObjects, f);
            }
            try (Writer f = Files.newBufferedWriter(write.resolve("workload.yaml"))) {
                ManifestWriter.write(workload, f);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + write + ": " + e.getMessage() + " (hint: give a writable folder)");
        }
        out.printf("wrote %s: %d nodes, %s %d pods (%s)%n", write, nodes, w, initPods + pods,
                w.controllerMade() ? "Deployments of " + replicas + " replicas, each with a Service" : "bare pods");
        return Main.OK;
    }
}
