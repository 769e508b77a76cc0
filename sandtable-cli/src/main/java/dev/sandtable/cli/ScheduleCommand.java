package dev.sandtable.cli;

import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.ExplanationText;
import dev.sandtable.cli.report.TextReport;
import dev.sandtable.engine.Simulation;
import dev.sandtable.report.ClusterReport;
import dev.sandtable.report.SchedulingReport;
import dev.sandtable.report.SchedulingReports;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable schedule: places the pods of the manifests on the given nodes and pools once, and says why. */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Schedule the pods of the manifests (bare pods, and the pods their workloads create) onto the nodes and node pools, "
                + "once, and print each pod's node or kube-scheduler's reason.",
                "With --explain, show every filter plugin's verdict per node and every score plugin's raw, normalized and weighted score."})
public final class ScheduleCommand implements Callable<Integer> {
    /** How long controllers may take to create every pod (ordered StatefulSets wait for readiness). */
    static final Duration SETTLE_LIMIT = Duration.ofHours(6);

    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Mixin
    SchedulerOptions scheduler;

    @Option(names = "--pod", paramLabel = "NS/NAME", description = "Only report (and explain) this pod; repeatable.")
    java.util.List<String> pods = new java.util.ArrayList<>();

    @Option(names = "--explain", description = "Explain each reported pod: filter verdicts per node and scores per plugin.")
    boolean explain;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for tie-breaking and generated names (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    RunCommand.OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String p : pods) {
            if (p.indexOf('/') <= 0) {
                throw new BadInputException("--pod " + p + " must be NAMESPACE/NAME (hint: e.g. --pod default/web-0)");
            }
        }
        var schedulerConfiguration = scheduler.configuration(spec.commandLine().getErr());
        long loading = System.nanoTime();
        Manifests m = inputs.load(() -> System.in);
        long started = System.nanoTime();
        Simulation sim = new Simulation(seed, dev.sandtable.kubelet.KubeletTiming.INSTANT, schedulerConfiguration);
        Predicate<String> selected = pods.isEmpty() ? k -> true : pods::contains;
        // Pods need to run here only where that changes placement: an ordered StatefulSet waits for each pod before
        // creating the next, and a PodDisruptionBudget counts running pods when preemption picks victims.
        sim.kubelet().startOnly(p -> {
            var owner = dev.sandtable.api.Pods.controllerOf(p);
            return owner != null && "StatefulSet".equals(owner.getKind())
                    || !sim.store().list(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class, p.getMetadata().getNamespace()).isEmpty();
        });
        if (explain) {
            sim.scheduler().explainWhenScheduling(selected);
        }
        Progress bar = Progress.onTerminal(spec.commandLine().getErr());
        sim.clock().observe(4096, () -> bar.status(String.format("scheduling: %,d attempts", sim.scheduler().attempts())));
        sim.apply(m.all());
        sim.settle(SETTLE_LIMIT);
        bar.done();
        SchedulingReport report = SchedulingReports.of(sim, selected);
        for (String p : pods) {
            if (report.placements().stream().noneMatch(pl -> (pl.namespace() + "/" + pl.name()).equals(p))) {
                throw new BadInputException("--pod " + p + ": no such pod among the " + report.pods()
                        + " pods scheduled (hint: pods of workloads have generated names; run without --pod to list them)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == RunCommand.OutputFormat.json) {
            out.println(RunCommand.json(report));
        } else {
            out.print(text(report));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("loaded %,d objects in %.2f s; scheduled %,d of %,d pods on %,d nodes in %.2f s wall (%,d scheduling attempts)%n",
                m.all().size(), (started - loading) / 1e9, report.scheduled(), report.pods(), report.nodes(), (System.nanoTime() - started) / 1e9,
                sim.scheduler().attempts());
        err.flush();
        return Main.OK;
    }

    static String text(SchedulingReport r) {
        StringBuilder sb = new StringBuilder();
        for (SchedulingReport.Placement p : r.placements()) {
            if (p.node() != null) {
                sb.append(p.namespace()).append('/').append(p.name()).append(" -> ").append(p.node())
                        .append(p.pool() == null ? "" : " (pool " + p.pool() + ")").append('\n');
            }
        }
        if (!r.unschedulableByWorkload().isEmpty()) {
            int count = r.unschedulableByWorkload().stream().mapToInt(ClusterReport.PendingWorkload::pods).sum();
            sb.append(r.placements().size() == count ? "" : "\n").append("UNSCHEDULABLE (").append(count).append(")\n")
                    .append(TextReport.pending(r.unschedulableByWorkload(), List.of()));
        }
        if (!r.explanations().isEmpty()) {
            sb.append('\n').append(ExplanationText.LEGEND).append('\n');
        }
        r.explanations().forEach(e -> sb.append('\n').append(ExplanationText.render(e)));
        sb.append("\nScheduled ").append(r.scheduled()).append(" of ").append(r.pods()).append(" pods on ").append(r.nodes())
                .append(" nodes; ").append(r.unschedulable()).append(" unschedulable.\n");
        return sb.toString();
    }
}
