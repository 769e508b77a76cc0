package dev.sandtable.cli;

import dev.sandtable.cli.load.LoadedObject;
import dev.sandtable.cli.load.ManifestLoader;
import dev.sandtable.cli.load.ManifestProblem;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.ParsedScenario;
import dev.sandtable.scenario.ScenarioFiles;
import dev.sandtable.scenario.ScenarioParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the scenario --scenario names (a file, or a Scenario among the inputs by name) and reads it against the platform. */
final class ScenarioLoader {
    private ScenarioLoader() {
    }

    static ParsedScenario load(String ref, Manifests platform) {
        return load(ref, platform, null);
    }

    /** The scenario, run for durationOption (the --duration option) instead of its own duration when that is not null. */
    static ParsedScenario load(String ref, Manifests platform, java.time.Duration durationOption) {
        Manifests.LocatedScenario located;
        Path base;
        if (Files.isRegularFile(Path.of(ref))) {
            Manifests m = new ManifestLoader(() -> System.in).load(List.of(ref));
            if (!m.ok()) {
                throw new BadInputException(m.errors().stream().map(ManifestProblem::format).toList());
            }
            if (m.scenarios().size() != 1) {
                throw new BadInputException(ref + ": expected one Scenario (sandtable.dev/v1alpha1), found " + m.scenarios().size()
                        + " (hint: a scenario file holds one kind: Scenario document)");
            }
            located = m.scenarios().get(0);
            base = Path.of(ref).toAbsolutePath().getParent();
        } else {
            List<Manifests.LocatedScenario> named = platform.scenarios().stream()
                    .filter(s -> ref.equals(s.scenario().getMetadata().getName())).toList();
            if (named.size() != 1) {
                List<String> known = platform.scenarios().stream().map(s -> s.scenario().getMetadata().getName()).toList();
                throw new BadInputException("--scenario " + ref + ": no such file, and " + (named.isEmpty() ? "no" : "more than one")
                        + " Scenario of that name among the inputs (hint: " + (known.isEmpty() ? "give the path of a scenario file" : "scenarios found: " + known) + ")");
            }
            located = named.get(0);
            base = Path.of(located.location().source()).toAbsolutePath().getParent();
        }
        List<HasMetadata> objects = new ArrayList<>();
        platform.objects().stream().map(LoadedObject::object).forEach(objects::add);
        ParseContext ctx = new ParseContext(objects, new Files_(base));
        ParsedScenario parsed = ScenarioParser.parse(located.scenario(), ctx, durationOption);
        if (parsed == null) {
            throw new BadInputException(ctx.errors().stream()
                    .map(e -> new ManifestProblem(located.locator().apply(e.path()), e.message(), e.hint()).format()).toList());
        }
        return parsed;
    }

    /** Files named by a scenario, resolved next to the scenario file. */
    private record Files_(Path base) implements ScenarioFiles {
        @Override
        public List<String> lines(String file) {
            try {
                return Files.readAllLines(resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + display(file) + ": " + e.getClass().getSimpleName().replace("Exception", ""));
            }
        }

        @Override
        public List<HasMetadata> manifests(String file) {
            Manifests m = new ManifestLoader(() -> System.in).load(List.of(display(file)));
            if (!m.ok()) {
                throw new IllegalArgumentException(m.errors().get(0).format());
            }
            return m.all();
        }

        @Override
        public String display(String file) {
            Path p = resolve(file);
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        }

        private Path resolve(String file) {
            return base.resolve(file).normalize();
        }
    }
}
