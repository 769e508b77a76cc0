package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ScenarioRuntime;

/** Something a scenario makes happen at a given time. */
public interface ScenarioEvent {
    void apply(ScenarioRuntime runtime);

    /** One line for the run's log, e.g. "scale Deployment archiverse/api to 4". */
    String describe();
}
