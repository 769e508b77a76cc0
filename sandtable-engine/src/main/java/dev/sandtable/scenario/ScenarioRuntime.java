package dev.sandtable.scenario;

import dev.sandtable.engine.Simulation;
import dev.sandtable.metrics.LoadModel;
import dev.sandtable.sim.GoDurations;
import java.util.List;

/** What events act on while a scenario runs: the simulation, the load model, and the log of what happened. */
public record ScenarioRuntime(Simulation simulation, LoadModel load, List<String> log, long startMillis) {
    /** Time since the scenario's time 0 (after the warm-up). */
    public long offsetMillis() {
        return simulation.clock().nowMillis() - startMillis;
    }

    public void log(String line) {
        log.add(GoDurations.clock(offsetMillis()) + " " + line);
    }
}
