package dev.sandtable.cli;

import dev.sandtable.cli.load.LoadedObject;
import dev.sandtable.cli.load.Manifests;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** sandtable check: loads and validates manifests, nothing more. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Load and validate manifests and node pools; exit 0 when they are usable, 2 when not.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Manifests m = inputs.load(() -> System.in);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Integer> kinds = new TreeMap<>();
        for (LoadedObject o : m.objects()) {
            kinds.merge(o.object().getKind(), 1, Integer::sum);
        }
        out.println("ok: " + m.objects().size() + " objects from " + m.sources() + " source(s): " + (kinds.isEmpty() ? "nothing to simulate" : summary(kinds)));
        if (!m.notSimulated().isEmpty()) {
            out.println("not simulated: " + m.notSimulated().size() + " custom resource(s): " + summary(m.customResourceCounts()));
        }
        Map<String, Integer> inactive = m.inactiveBuiltinCounts();
        if (!inactive.isEmpty()) {
            out.println("not simulated yet (kept, not acted on): " + summary(inactive));
        }
        if (!m.scenarios().isEmpty()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (var s : m.scenarios()) {
                ScenarioLoader.load(s.scenario().getMetadata().getName(), m);
                names.add(s.scenario().getMetadata().getName());
            }
            out.println("scenarios: " + String.join(", ", names) + (names.size() == 1 ? " (read against the platform)"
                    : names.size() == 2 ? " (both read against the platform)" : " (all read against the platform)"));
        }
        m.warnings().forEach(w -> out.println("warning: " + w.format()));
        NetworkWarnings.lines(m).forEach(w -> out.println("warning: " + w));
        out.flush();
        return Main.OK;
    }

    static String summary(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        return sb.toString();
    }
}
