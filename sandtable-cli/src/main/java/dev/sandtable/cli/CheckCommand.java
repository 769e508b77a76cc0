package dev.sandtable.cli;

import dev.sandtable.cli.load.LoadedObject;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.TextReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable check: loads and validates manifests, nothing more. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Load and validate manifests and node pools; exit 0 when they are usable, 2 when not.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    RunCommand.OutputFormat output;

    @Spec
    CommandSpec spec;

    /** What check found, as data: objects by kind, what is kept but not simulated, the scenarios read, the warnings. */
    public record CheckOutput(String version, int objects, int sources, Map<String, Integer> kinds, Map<String, Integer> notSimulated,
                              List<String> scenarios, List<String> warnings) {
    }

    @Override
    public Integer call() {
        Manifests m = inputs.load(() -> System.in);
        Map<String, Integer> kinds = new TreeMap<>();
        for (LoadedObject o : m.objects()) {
            kinds.merge(o.object().getKind(), 1, Integer::sum);
        }
        List<String> scenarios = new ArrayList<>();
        for (var s : m.scenarios()) {
            ScenarioLoader.load(s.scenario().getMetadata().getName(), m);
            scenarios.add(s.scenario().getMetadata().getName());
        }
        List<String> warnings = new ArrayList<>();
        m.warnings().forEach(w -> warnings.add(w.format()));
        warnings.addAll(NetworkWarnings.lines(m));
        CheckOutput result = new CheckOutput(Version.version(), m.objects().size(), m.sources(), kinds, m.notSimulatedCounts(), scenarios, warnings);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == RunCommand.OutputFormat.json ? RunCommand.json(result) + "\n" : text(result));
        out.flush();
        return Main.OK;
    }

    static String text(CheckOutput r) {
        StringBuilder sb = new StringBuilder();
        sb.append("ok: ").append(r.objects()).append(" objects from ").append(r.sources()).append(" source(s): ")
                .append(r.kinds().isEmpty() ? "nothing to simulate" : TextReport.counts(r.kinds())).append('\n');
        if (!r.notSimulated().isEmpty()) {
            sb.append(TextReport.notSimulated(r.notSimulated())).append('\n');
        }
        List<String> names = r.scenarios();
        if (!names.isEmpty()) {
            sb.append("scenarios: ").append(String.join(", ", names)).append(names.size() == 1 ? " (read against the platform)"
                    : names.size() == 2 ? " (both read against the platform)" : " (all read against the platform)").append('\n');
        }
        r.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        return sb.toString();
    }
}
