package dev.sandtable.scenario;

import dev.sandtable.sim.GoDurations;

/** A span of the run, as offsets from its start; an expectation is checked over its window (the whole run by default). */
public record Window(long fromMillis, long toMillis) {
    public boolean contains(long offsetMillis) {
        return offsetMillis >= fromMillis && offsetMillis <= toMillis;
    }

    public String describe() {
        return GoDurations.clock(fromMillis) + "-" + GoDurations.clock(toMillis);
    }
}
