package dev.sandtable.scenario;

/** A span of the run, as offsets from its start; an expectation is checked over its window (the whole run by default). */
public record Window(long fromMillis, long toMillis) {
    public boolean contains(long offsetMillis) {
        return offsetMillis >= fromMillis && offsetMillis <= toMillis;
    }

    public String describe() {
        return dev.sandtable.sim.GoDurations.clock(fromMillis) + "-" + dev.sandtable.sim.GoDurations.clock(toMillis);
    }
}
