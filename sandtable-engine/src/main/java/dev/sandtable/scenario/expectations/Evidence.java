package dev.sandtable.scenario.expectations;

import dev.sandtable.engine.Simulation;
import dev.sandtable.scenario.PendingTracker;
import dev.sandtable.scenario.Recorder;

/**
 * What an expectation is judged on when the run ends: the recorded series, how long pods waited, the end of the
 * run (offset from time 0), and the simulation itself for expectations about the cluster's final state.
 */
public record Evidence(Recorder recorder, PendingTracker pending, long endMillis, Simulation simulation) {
}
