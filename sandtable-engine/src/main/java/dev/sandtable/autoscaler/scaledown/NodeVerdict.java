package dev.sandtable.autoscaler.scaledown;

/**
 * The autoscaler's latest view of one node of an autoscaling pool: removable (unneeded since), kept (and why), or
 * removed; utilisation as a fraction, NaN when not computed.
 */
public record NodeVerdict(String node, String pool, String state, String reason, double utilization, long sinceMillis) {
}
