package dev.sandtable.cli.load;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Everything read from the user's paths: the objects, the custom resources kept but not simulated,
 * the errors that make the input unusable and the warnings worth reading.
 */
public record Manifests(List<LoadedObject> objects, List<LoadedObject> notSimulated, List<ManifestProblem> errors,
                        List<ManifestProblem> warnings, int sources, List<LocatedScenario> scenarios) {

    /** A Scenario found among the inputs: kept apart from the platform, with a way to find the line of any of its fields. */
    public record LocatedScenario(dev.sandtable.scenario.Scenario scenario, Location location,
                                  java.util.function.Function<String, Location> locator) {
    }

    /** Custom resources, counted by "apiVersion Kind". */
    public java.util.Map<String, Integer> customResourceCounts() {
        return countByKind(notSimulated);
    }

    /** Built-in objects whose behaviour is not simulated yet (HPAs, quotas, ...), counted by "apiVersion Kind". */
    public java.util.Map<String, Integer> inactiveBuiltinCounts() {
        return countByKind(objects.stream().filter(o -> dev.sandtable.engine.NotYetSimulated.applies(o.object())).toList());
    }

    /** Everything kept but not acted on, custom resources and inactive built-in kinds together, as every command lists them. */
    public java.util.Map<String, Integer> notSimulatedCounts() {
        java.util.Map<String, Integer> all = new java.util.TreeMap<>(customResourceCounts());
        all.putAll(inactiveBuiltinCounts());
        return all;
    }

    private static java.util.Map<String, Integer> countByKind(List<LoadedObject> list) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
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
        return java.util.stream.Stream.concat(objects.stream(), notSimulated.stream()).map(LoadedObject::object).toList();
    }
}
