package dev.sandtable.cli.load;

import dev.sandtable.engine.NotYetSimulated;
import dev.sandtable.scenario.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything read from the user's paths: the objects, the custom resources kept but not simulated,
 * the errors that make the input unusable and the warnings worth reading.
 */
public record Manifests(List<LoadedObject> objects, List<LoadedObject> notSimulated, List<ManifestProblem> errors,
                        List<ManifestProblem> warnings, int sources, List<LocatedScenario> scenarios) {

    /** A Scenario found among the inputs: kept apart from the platform, with a way to find the line of any of its fields. */
    public record LocatedScenario(Scenario scenario, Location location,
                                  Function<String, Location> locator) {
    }

    /** Custom resources, counted by "apiVersion Kind". */
    public Map<String, Integer> customResourceCounts() {
        return countByKind(notSimulated);
    }

    /** Built-in objects whose behaviour is not simulated yet (HPAs, quotas, ...), counted by "apiVersion Kind". */
    public Map<String, Integer> inactiveBuiltinCounts() {
        return countByKind(objects.stream().filter(o -> NotYetSimulated.applies(o.object())).toList());
    }

    /** Everything kept but not acted on, custom resources and inactive built-in kinds together, as every command lists them. */
    public Map<String, Integer> notSimulatedCounts() {
        Map<String, Integer> all = new TreeMap<>(customResourceCounts());
        all.putAll(inactiveBuiltinCounts());
        return all;
    }

    private static Map<String, Integer> countByKind(List<LoadedObject> list) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LoadedObject o : list) {
            counts.merge(o.object().getApiVersion() + " " + o.object().getKind(), 1, Integer::sum);
        }
        return counts;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Every object to put in the simulation, custom resources included (they are kept, not acted on). */
    public List<HasMetadata> all() {
        return Stream.concat(objects.stream(), notSimulated.stream()).map(LoadedObject::object).toList();
    }
}
