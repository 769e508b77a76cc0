package dev.sandtable.scenario;

import dev.sandtable.metrics.LoadTarget;
import dev.sandtable.scenario.events.ScenarioEvent;
import dev.sandtable.scenario.expectations.Expectation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A scenario ready to run: every name resolved, every duration and number read, every problem already reported.
 * The epoch is the simulated instant the cluster starts at; the scenario's own time 0 comes a warm-up later.
 */
public record ParsedScenario(String name, Duration duration, long seed, Instant epoch, Duration warmup, Duration resolution,
                             List<LoadTarget> load, List<TimedEvent> events, List<Expectation> expectations, List<ExternalMetric> externalMetrics) {

    /** An external metric series: from load profiles (offsets from time 0), or the latest sample of a recorded series. */
    public record ExternalMetric(String name, java.util.Map<String, String> labels, dev.sandtable.metrics.LoadProfile profile, String series) {
    }

    /** An event and the offset from the start it happens at. */
    public record TimedEvent(Duration at, ScenarioEvent event) {
    }
}
