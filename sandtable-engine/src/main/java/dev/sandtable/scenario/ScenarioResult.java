package dev.sandtable.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a scenario run produced: every expectation's verdict, the event log, summary figures, and every recorded
 * series (sample i at offset i x resolution).
 */
public record ScenarioResult(String scenario, String duration, long seed, String resolution, List<Verdict> verdicts,
                             List<String> log, List<Figure> figures, Map<String, double[]> series) {

    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::passed);
    }

    /** A key number of the run, e.g. peak nodes of a pool or a Service's availability. */
    public record Figure(String name, String value) {
    }
}
