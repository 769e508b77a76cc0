package dev.sandtable.cli.load;

import dev.sandtable.api.FieldError;
import dev.sandtable.scheduler.config.ConfigParser;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads a KubeSchedulerConfiguration file (--scheduler-config) and reports its problems with their lines. */
public final class SchedulerConfigLoader {
    private SchedulerConfigLoader() {
    }

    /** The configuration and its warnings, or the problems that make it unusable. */
    public record Result(SchedulerConfiguration configuration, List<ManifestProblem> errors, List<String> warnings) {
    }

    public static Result load(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(null, List.of(new ManifestProblem(new Location(file, 0, 0), "cannot read scheduler configuration: "
                    + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage(), "check the path given to --scheduler-config")), List.of());
        }
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            return new Result(null, List.of(new ManifestProblem(new Location(file, line, 0), "malformed YAML: " + e.getProblem(),
                    "check indentation and quoting around this line")), List.of());
        } catch (YamlEngineException e) {
            return new Result(null, List.of(new ManifestProblem(new Location(file, 1, 0), "malformed YAML", "check the file")), List.of());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            return new Result(null, List.of(new ManifestProblem(new Location(file, 1, 0), "not a KubeSchedulerConfiguration",
                    "the file must be a mapping with apiVersion: " + ConfigParser.API_VERSION + " and kind: " + ConfigParser.KIND)), List.of());
        }
        ConfigParser.Result r = ConfigParser.parse(map);
        List<ManifestProblem> errors = new ArrayList<>();
        for (FieldError fe : r.errors()) {
            errors.add(new ManifestProblem(new Location(file, YamlLocator.lineOf(text, fe.path()), 0), fe.message(), fe.hint()));
        }
        return new Result(r.configuration(), errors, r.warnings());
    }
}
