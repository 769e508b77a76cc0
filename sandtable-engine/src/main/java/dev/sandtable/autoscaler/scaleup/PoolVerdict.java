package dev.sandtable.autoscaler.scaleup;

/** One pool's part in a scale-up decision: picked, a losing option, or why it could not help (with the scheduler's reason). */
public record PoolVerdict(String pool, Kind kind, int nodes, int pods, String reason) {
    public enum Kind { CHOSEN, OPTION, NO_FIT, AT_MAX, BACKED_OFF, NOT_AUTOSCALED, CLUSTER_LIMIT }
}
