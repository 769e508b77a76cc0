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

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Every object to put in the simulation, custom resources included (they are kept, not acted on). */
    public List<HasMetadata> all() {
        return java.util.stream.Stream.concat(objects.stream(), notSimulated.stream()).map(LoadedObject::object).toList();
    }
}
