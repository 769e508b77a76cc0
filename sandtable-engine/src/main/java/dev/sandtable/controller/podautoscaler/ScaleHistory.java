package dev.sandtable.controller.podautoscaler;

import java.util.ArrayList;
import java.util.List;

/**
 * What the HPA controller (v1.31) remembers per HPA between syncs, in memory only: recent unstabilized recommendations
 * (timestampedRecommendation) and recent scale-ups and scale-downs (timestampedScaleEvent) for the rate policies.
 */
public final class ScaleHistory {
    /** A recommendation and when it was made. */
    public record Recommendation(int replicas, long atMillis) {
    }

    /** A change of replicas, when it was made, and whether it is older than the longest policy period. */
    public record ScaleEvent(int replicaChange, long atMillis, boolean outdated) {
    }

    final List<Recommendation> recommendations;
    final List<ScaleEvent> scaleUpEvents;
    final List<ScaleEvent> scaleDownEvents;

    public ScaleHistory() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** A history to start from (explain and tests give recorded ones). */
    public ScaleHistory(List<Recommendation> recommendations, List<ScaleEvent> scaleUpEvents, List<ScaleEvent> scaleDownEvents) {
        this.recommendations = new ArrayList<>(recommendations);
        this.scaleUpEvents = new ArrayList<>(scaleUpEvents);
        this.scaleDownEvents = new ArrayList<>(scaleDownEvents);
    }

    public List<Recommendation> recommendations() {
        return List.copyOf(recommendations);
    }

    public List<ScaleEvent> scaleUpEvents() {
        return List.copyOf(scaleUpEvents);
    }

    public List<ScaleEvent> scaleDownEvents() {
        return List.copyOf(scaleDownEvents);
    }
}
