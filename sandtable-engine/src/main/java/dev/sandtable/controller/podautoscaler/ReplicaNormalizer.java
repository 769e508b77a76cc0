package dev.sandtable.controller.podautoscaler;

import java.time.Duration;
import java.util.List;

/**
 * The HPA controller's normalization of a proposal (horizontal.go, v1.31): stabilization over recent recommendations,
 * then the rate limits, min and max; without behavior, the downscale stabilization window and the scale-up limit of
 * max(2 x current, 4). Each step says which condition reason and message upstream sets.
 */
public final class ReplicaNormalizer {
    static final double SCALE_UP_LIMIT_FACTOR = 2.0;
    static final double SCALE_UP_LIMIT_MINIMUM = 4.0;

    private final long downscaleStabilizationMillis;

    /** The window is --horizontal-pod-autoscaler-downscale-stabilization (5 minutes by default). */
    public ReplicaNormalizer(Duration downscaleStabilization) {
        this.downscaleStabilizationMillis = downscaleStabilization.toMillis();
    }

    public int downscaleStabilizationSeconds() {
        return (int) (downscaleStabilizationMillis / 1000);
    }

    /** A normalized replica count with the AbleToScale and ScalingLimited reasons it leads to. */
    public record Normalized(int stabilized, String ableReason, String ableMessage, int replicas, boolean limited, String limitedReason,
                             String limitedMessage) {
    }

    /** A limit and the ScalingLimited reason that goes with it. */
    public record Limit(int replicas, String reason, String message) {
    }

    /** normalizeDesiredReplicas: for an HPA without behavior. */
    public Normalized normalize(ScaleHistory h, int currentReplicas, int prenormalized, int minReplicas, int maxReplicas, long now) {
        int stabilized = stabilize(h, prenormalized, now);
        String reason = stabilized != prenormalized ? "ScaleDownStabilized" : "ReadyForNewScale";
        String message = stabilized != prenormalized
                ? "recent recommendations were higher than current one, applying the highest recent recommendation"
                : "recommended size matches current size";
        Limit l = convertWithRules(currentReplicas, stabilized, minReplicas, maxReplicas);
        return new Normalized(stabilized, reason, message, l.replicas(), l.replicas() != stabilized, l.reason(), l.message());
    }

    /** stabilizeRecommendation: the highest recommendation within the window; the new one replaces an expired one. */
    int stabilize(ScaleHistory h, int prenormalized, long now) {
        int max = prenormalized;
        int oldIndex = -1;
        long cutoff = now - downscaleStabilizationMillis;
        for (int i = 0; i < h.recommendations.size(); i++) {
            ScaleHistory.Recommendation r = h.recommendations.get(i);
            if (r.atMillis() < cutoff) {
                oldIndex = i;
            } else if (r.replicas() > max) {
                max = r.replicas();
            }
        }
        record(h, oldIndex, new ScaleHistory.Recommendation(prenormalized, now));
        return max;
    }

    private static void record(ScaleHistory h, int oldIndex, ScaleHistory.Recommendation r) {
        if (oldIndex >= 0) {
            h.recommendations.set(oldIndex, r);
        } else {
            h.recommendations.add(r);
        }
    }

    /** convertDesiredReplicasWithRules: min, max and the scale-up limit. */
    public static Limit convertWithRules(int currentReplicas, int desired, int minReplicas, int maxReplicas) {
        int scaleUpLimit = scaleUpLimit(currentReplicas);
        int maximum;
        String reason, message;
        if (maxReplicas > scaleUpLimit) {
            maximum = scaleUpLimit;
            reason = "ScaleUpLimit";
            message = "the desired replica count is increasing faster than the maximum scale rate";
        } else {
            maximum = maxReplicas;
            reason = "TooManyReplicas";
            message = "the desired replica count is more than the maximum replica count";
        }
        if (desired < minReplicas) {
            return new Limit(minReplicas, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
        } else if (desired > maximum) {
            return new Limit(maximum, reason, message);
        }
        return new Limit(desired, "DesiredWithinRange", "the desired count is within the acceptable range");
    }

    /** calculateScaleUpLimit. */
    public static int scaleUpLimit(int currentReplicas) {
        return (int) Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM);
    }

    /** normalizeDesiredReplicasWithBehaviors: scaleDown's window, when unset, is the controller's. */
    public Normalized normalizeWithBehaviors(ScaleHistory h, ScalingRules up, ScalingRules down, int currentReplicas, int prenormalized,
                                             int minReplicas, int maxReplicas, long now) {
        ScalingRules d = down.stabilizationWindowSeconds() == null ? down.withWindow(downscaleStabilizationSeconds()) : down;
        Limit s = stabilizeWithBehaviors(h, up, d, currentReplicas, prenormalized, now);
        String reason = s.replicas() != prenormalized ? s.reason() : "ReadyForNewScale";
        String message = s.replicas() != prenormalized ? s.message() : "recommended size matches current size";
        Limit l = convertWithBehaviorRate(h, up, d, currentReplicas, s.replicas(), minReplicas, maxReplicas, now);
        return new Normalized(s.replicas(), reason, message, l.replicas(), l.replicas() != s.replicas(), l.reason(), l.message());
    }

    /** stabilizeRecommendationWithBehaviors: kept between the lowest recent (up window) and highest recent (down window). */
    public static Limit stabilizeWithBehaviors(ScaleHistory h, ScalingRules up, ScalingRules down, int currentReplicas, int desired, long now) {
        int upRecommendation = desired;
        int downRecommendation = desired;
        long upCutoff = now - up.stabilizationWindowSeconds() * 1000L;
        long downCutoff = now - down.stabilizationWindowSeconds() * 1000L;
        int oldIndex = -1;
        for (int i = 0; i < h.recommendations.size(); i++) {
            ScaleHistory.Recommendation r = h.recommendations.get(i);
            if (r.atMillis() > upCutoff) {
                upRecommendation = Math.min(r.replicas(), upRecommendation);
            }
            if (r.atMillis() > downCutoff) {
                downRecommendation = Math.max(r.replicas(), downRecommendation);
            }
            if (r.atMillis() < upCutoff && r.atMillis() < downCutoff) {
                oldIndex = i;
            }
        }
        int recommendation = currentReplicas;
        if (recommendation < upRecommendation) {
            recommendation = upRecommendation;
        }
        if (recommendation > downRecommendation) {
            recommendation = downRecommendation;
        }
        record(h, oldIndex, new ScaleHistory.Recommendation(desired, now));
        return desired >= currentReplicas
                ? new Limit(recommendation, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation")
                : new Limit(recommendation, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");
    }

    /** convertDesiredReplicasWithBehaviorRate: the policies' rate limits, then min and max. */
    public static Limit convertWithBehaviorRate(ScaleHistory h, ScalingRules up, ScalingRules down, int currentReplicas, int desired,
                                                int minReplicas, int maxReplicas, long now) {
        if (desired > currentReplicas) {
            int scaleUpLimit = Math.max(currentReplicas, scaleUpLimitWithRules(currentReplicas, h, up, now));
            if (maxReplicas > scaleUpLimit) {
                if (desired > scaleUpLimit) {
                    return new Limit(scaleUpLimit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate");
                }
            } else if (desired > maxReplicas) {
                return new Limit(maxReplicas, "TooManyReplicas", "the desired replica count is more than the maximum replica count");
            }
        } else if (desired < currentReplicas) {
            int scaleDownLimit = Math.min(currentReplicas, scaleDownLimitWithRules(currentReplicas, h, down, now));
            if (minReplicas < scaleDownLimit) {
                if (desired < scaleDownLimit) {
                    return new Limit(scaleDownLimit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate");
                }
            } else if (desired < minReplicas) {
                return new Limit(minReplicas, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
            }
        }
        return new Limit(desired, "DesiredWithinRange", "the desired count is within the acceptable range");
    }

    /** calculateScaleUpLimitWithScalingRules: each policy from the replicas at the start of its period; Max picks the largest. */
    public static int scaleUpLimitWithRules(int currentReplicas, ScaleHistory h, ScalingRules rules, long now) {
        if (ScalingRules.DISABLED.equals(rules.selectPolicy())) {
            return currentReplicas;
        }
        boolean min = ScalingRules.MIN.equals(rules.selectPolicy());
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (ScalingRules.Policy p : rules.policies()) {
            int added = changeInPeriod(p.periodSeconds(), h.scaleUpEvents, now);
            int deleted = changeInPeriod(p.periodSeconds(), h.scaleDownEvents, now);
            int periodStart = currentReplicas - added + deleted;
            int proposed = ScalingRules.PODS.equals(p.type()) ? periodStart + p.value()
                    // Rounded up, or a small percentage would never add a pod.
                    : (int) Math.ceil(periodStart * (1 + p.value() / 100.0));
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    /** calculateScaleDownLimitWithBehaviors: Max picks the largest change, so the lowest limit. */
    public static int scaleDownLimitWithRules(int currentReplicas, ScaleHistory h, ScalingRules rules, long now) {
        if (ScalingRules.DISABLED.equals(rules.selectPolicy())) {
            return currentReplicas;
        }
        boolean min = ScalingRules.MIN.equals(rules.selectPolicy());
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (ScalingRules.Policy p : rules.policies()) {
            int added = changeInPeriod(p.periodSeconds(), h.scaleUpEvents, now);
            int deleted = changeInPeriod(p.periodSeconds(), h.scaleDownEvents, now);
            int periodStart = currentReplicas - added + deleted;
            int proposed = ScalingRules.PODS.equals(p.type()) ? periodStart - p.value() : (int) (periodStart * (1 - p.value() / 100.0));
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    /** getReplicasChangePerPeriod: the changes made within the last period. */
    public static int changeInPeriod(int periodSeconds, List<ScaleHistory.ScaleEvent> events, long now) {
        long cutoff = now - periodSeconds * 1000L;
        int replicas = 0;
        for (ScaleHistory.ScaleEvent e : events) {
            if (e.atMillis() > cutoff) {
                replicas += e.replicaChange();
            }
        }
        return replicas;
    }

    /** storeScaleEvent: only with behavior; an event older than the longest period is reused for the new one. */
    public static void storeScaleEvent(ScaleHistory h, ScalingRules up, ScalingRules down, int prevReplicas, int newReplicas, long now) {
        if (up == null && down == null) {
            return;
        }
        List<ScaleHistory.ScaleEvent> events;
        int period;
        int change;
        if (newReplicas > prevReplicas) {
            events = h.scaleUpEvents;
            period = (up == null ? ScalingRules.DEFAULT_SCALE_UP : up).longestPolicyPeriod();
            change = newReplicas - prevReplicas;
        } else {
            events = h.scaleDownEvents;
            period = (down == null ? ScalingRules.DEFAULT_SCALE_DOWN : down).longestPolicyPeriod();
            change = prevReplicas - newReplicas;
        }
        long cutoff = now - period * 1000L;
        for (int i = 0; i < events.size(); i++) {
            ScaleHistory.ScaleEvent e = events.get(i);
            if (e.atMillis() < cutoff) {
                events.set(i, new ScaleHistory.ScaleEvent(e.replicaChange(), e.atMillis(), true));
            }
        }
        int oldIndex = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).outdated()) {
                oldIndex = i;
            }
        }
        // The last outdated event makes room for the new one; earlier ones stay, marked.
        if (oldIndex >= 0) {
            events.set(oldIndex, new ScaleHistory.ScaleEvent(change, now, false));
        } else {
            events.add(new ScaleHistory.ScaleEvent(change, now, false));
        }
    }
}
