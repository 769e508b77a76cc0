package dev.sandtable.cli;

import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.AutoscalerText;
import dev.sandtable.engine.Simulation;
import dev.sandtable.report.AutoscalerReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** explain ca: runs the platform (or a scenario) and explains every scale-up considered and every node verdict. */
@Command(name = "ca", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the platform (or a scenario) and say why the cluster autoscaler scaled up each time (every pool's verdict, "
                + "with the scheduler's reason where pods do not fit) and why each node of an autoscaling pool was removed or kept.")
public final class ExplainCaCommand implements Callable<Integer> {

    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Mixin
    SchedulerOptions scheduler;

    @Option(names = "--duration", converter = Durations.class, defaultValue = "10m", paramLabel = "DURATION",
            description = "Simulated time to run, e.g. 90s, 10m, 2h (default: ${DEFAULT-VALUE}; with --scenario: the scenario's).")
    Duration duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for every random choice (default: ${DEFAULT-VALUE}; with --scenario: the scenario's).")
    long seed;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", description = "Run this Scenario (load and events) and explain what the autoscaler did during it.")
    String scenario;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    RunCommand.OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (duration.isNegative() || duration.isZero()) {
            throw new BadInputException("--duration must be positive, got " + Durations.format(duration) + " (hint: e.g. --duration 10m)");
        }
        var schedulerConfiguration = scheduler.configuration(spec.commandLine().getErr());
        Manifests m = inputs.load(() -> System.in);
        Simulation sim;
        long origin = 0;
        if (scenario != null) {
            var parseResult = spec.commandLine().getParseResult();
            var parsed = ScenarioLoader.load(scenario, m, parseResult.hasMatchedOption("--duration") ? duration : null);
            long runSeed = parseResult.hasMatchedOption("--seed") ? seed : parsed.seed();
            sim = new Simulation(runSeed, dev.sandtable.kubelet.KubeletTiming.DEFAULT, schedulerConfiguration, parsed.epoch());
            new dev.sandtable.scenario.ScenarioRunner(sim, parsed).run(m.all(), p -> { });
            origin = parsed.warmup().toMillis();
        } else {
            sim = new Simulation(seed, dev.sandtable.kubelet.KubeletTiming.DEFAULT, schedulerConfiguration);
            sim.apply(m.all());
            sim.runFor(duration);
        }
        AutoscalerReport report = AutoscalerReport.of(sim, origin);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == RunCommand.OutputFormat.json ? RunCommand.json(report) + "\n" : AutoscalerText.full(report));
        out.flush();
        return Main.OK;
    }
}
