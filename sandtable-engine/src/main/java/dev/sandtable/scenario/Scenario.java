package dev.sandtable.scenario;

import dev.sandtable.api.SandtableResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Sandtable's Scenario kind (sandtable.dev/v1alpha1): load over simulated time, timed events and expectations checked as the simulation runs. */
@Group(SandtableResource.GROUP)
@Version(SandtableResource.VERSION)
@Kind(Scenario.KIND)
public final class Scenario extends SandtableResource<ScenarioSpec> {
    public static final String API_VERSION = SandtableResource.API_VERSION;
    public static final String KIND = "Scenario";

    public Scenario() {
        super(KIND, ScenarioSpec.EMPTY);
    }

    @Override
    protected ScenarioSpec emptySpec() {
        return ScenarioSpec.EMPTY;
    }
}
