package dev.sandtable.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.JUnitReport;
import dev.sandtable.cli.report.RunOutput;
import dev.sandtable.cli.report.TextReport;
import dev.sandtable.engine.Simulation;
import dev.sandtable.report.ClusterReports;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable run: loads a platform, simulates it to a steady state, and shows where everything landed. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulate the platform for a while (default 10 simulated minutes) and report node pools, placements and pending pods.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Mixin
    SchedulerOptions scheduler;

    @Option(names = "--duration", converter = Durations.class, defaultValue = "10m", paramLabel = "DURATION",
            description = "Simulated time to run, e.g. 90s, 10m, 2h (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for every random choice; same inputs and seed give the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--scenario", paramLabel = "FILE|NAME",
            description = "Run a Scenario (a file, or the name of one among the inputs): load, events and expectations over simulated time.")
    String scenario;

    @Option(names = "--junit", paramLabel = "FILE", description = "With --scenario, also write the expectations as a JUnit XML report to FILE.")
    java.nio.file.Path junit;

    @Spec
    CommandSpec spec;

    /** Output formats of run. */
    public enum OutputFormat { text, json }

    @Override
    public Integer call() {
        if (duration.isNegative() || duration.isZero()) {
            throw new BadInputException("--duration must be positive, got " + Durations.format(duration) + " (hint: e.g. --duration 10m)");
        }
        if (junit != null && scenario == null) {
            throw new BadInputException("--junit needs --scenario: only a scenario has expectations to report (hint: add --scenario FILE)");
        }
        if (junit != null) {
            WritableFile.check(junit, "--junit");
        }
        var schedulerConfiguration = scheduler.configuration(spec.commandLine().getErr());
        Manifests m = inputs.load(() -> System.in);
        if (scenario != null) {
            return runScenario(m, schedulerConfiguration);
        }
        if (!m.scenarios().isEmpty()) {
            spec.commandLine().getErr().println("note: the inputs hold scenario(s) " + m.scenarios().stream()
                    .map(s -> s.scenario().getMetadata().getName()).toList() + "; run one with --scenario NAME");
        }
        long started = System.nanoTime();
        Simulation sim = new Simulation(seed, dev.sandtable.kubelet.KubeletTiming.DEFAULT, schedulerConfiguration);
        Progress bar = Progress.onTerminal(spec.commandLine().getErr());
        long from = sim.clock().nowMillis();
        sim.clock().observe(4096, () -> bar.simulation(String.format("%,d scheduling attempts", sim.scheduler().attempts()),
                sim.clock().nowMillis() - from, duration.toMillis()));
        sim.apply(m.all());
        sim.runFor(duration);
        bar.done();
        var report = ClusterReports.of(sim, duration, seed);
        // One pod per workload and message stands for the rest: thousands of identical explanations would bury the one that matters.
        var explanations = report.pendingByWorkload().stream().flatMap(w -> w.reasons().stream())
                .map(reason -> sim.scheduler().explainNow(pod(sim, reason.example())))
                .toList();
        RunOutput result = new RunOutput(Version.version(), report, m.notSimulatedCounts(), explanations);
        long wallNanos = System.nanoTime() - started;
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(json(result));
        } else {
            out.print(TextReport.render(result));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        double wallSeconds = Math.max(wallNanos / 1e9, 1e-3);
        err.printf("simulated %s in %.2f s wall (%,.0fx real time)%n", Durations.format(duration), wallSeconds, duration.toMillis() / 1000.0 / wallSeconds);
        err.flush();
        return Main.OK;
    }

    private int runScenario(Manifests m, dev.sandtable.scheduler.config.SchedulerConfiguration schedulerConfiguration) {
        var parseResult = spec.commandLine().getParseResult();
        var parsed = ScenarioLoader.load(scenario, m, parseResult.hasMatchedOption("--duration") ? duration : null);
        long runSeed = parseResult.hasMatchedOption("--seed") ? seed : parsed.seed();
        long started = System.nanoTime();
        Simulation sim = new Simulation(runSeed, dev.sandtable.kubelet.KubeletTiming.DEFAULT, schedulerConfiguration, parsed.epoch());
        PrintWriter err = spec.commandLine().getErr();
        Progress bar = Progress.onTerminal(err);
        var result = new dev.sandtable.scenario.ScenarioRunner(sim, parsed).run(m.all(), bar::update);
        bar.done();
        var report = ClusterReports.of(sim, parsed.duration(), runSeed);
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(json(new ScenarioOutput(Version.version(), result, report, m.notSimulatedCounts())));
        } else {
            out.print(dev.sandtable.cli.report.ScenarioText.render(result));
            out.print("\nAT THE END\n");
            out.print(TextReport.render(new RunOutput(Version.version(), report, m.notSimulatedCounts(), List.of())));
        }
        out.flush();
        if (junit != null) {
            try {
                java.nio.file.Files.writeString(junit, JUnitReport.xml(result));
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot write --junit " + junit + ": " + e.getMessage() + " (hint: give a writable path)");
            }
        }
        double wallSeconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        err.printf("simulated %s in %.2f s wall (%,.0fx real time)%n", Durations.format(parsed.duration()), wallSeconds,
                parsed.duration().toMillis() / 1000.0 / wallSeconds);
        err.flush();
        return result.passed() ? Main.OK : Main.EXPECTATION_FAILED;
    }

    /** Everything a scenario run prints as JSON: the verdicts and series, and the cluster at the end. */
    public record ScenarioOutput(String version, dev.sandtable.scenario.ScenarioResult scenario,
                                 dev.sandtable.report.ClusterReport end, Map<String, Integer> notSimulated) {
    }

    private static Pod pod(Simulation sim, String key) {
        int slash = key.indexOf('/');
        return sim.store().get(Pod.class, key.substring(0, slash), key.substring(slash + 1)).orElseThrow();
    }


    static String json(Object value) {
        ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
