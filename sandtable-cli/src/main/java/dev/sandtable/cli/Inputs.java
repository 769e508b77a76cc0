package dev.sandtable.cli;

import dev.sandtable.cli.load.ManifestLoader;
import dev.sandtable.cli.load.ManifestProblem;
import dev.sandtable.cli.load.Manifests;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The manifest paths a command reads: positional paths and -f/--filename, "-" for stdin. */
public final class Inputs {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Manifest files or folders (kustomizations and Helm charts are rendered); - reads stdin.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Same as PATH, as kubectl takes it; repeatable.")
    List<String> files = new ArrayList<>();

    List<String> all() {
        List<String> all = new ArrayList<>(paths);
        all.addAll(files);
        return all;
    }

    /** Loads everything, or throws with every problem when the input cannot be used. */
    Manifests load(Supplier<InputStream> stdin) {
        List<String> all = all();
        if (all.isEmpty()) {
            throw new BadInputException("no manifests given (hint: pass files or folders, e.g. sandtable run examples/quickstart, or -f - for stdin)");
        }
        Manifests m = new ManifestLoader(stdin).load(all);
        if (!m.ok()) {
            List<String> lines = new ArrayList<>();
            for (ManifestProblem p : m.errors()) {
                lines.add(p.format());
            }
            throw new BadInputException(lines);
        }
        return m;
    }
}
