package dev.sandtable.controller.podautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import java.util.List;

/**
 * One direction of an HPA's behavior with the autoscaling/v2 defaults applied (pkg/apis/autoscaling/v2/defaults.go,
 * v1.31): scale-up 0 s window, max of 100% and 4 pods per 15 s; scale-down 100% per 15 s, and a null window, which the
 * controller fills with its downscale stabilization (300 s).
 */
public record ScalingRules(Integer stabilizationWindowSeconds, String selectPolicy, List<Policy> policies) {
    public static final String MAX = "Max";
    public static final String MIN = "Min";
    public static final String DISABLED = "Disabled";
    public static final String PODS = "Pods";
    public static final String PERCENT = "Percent";

    /** One scaling policy: at most value pods (or percent) per periodSeconds. */
    public record Policy(String type, int value, int periodSeconds) {
    }

    public static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(0, MAX, List.of(new Policy(PERCENT, 100, 15), new Policy(PODS, 4, 15)));
    public static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(null, MAX, List.of(new Policy(PERCENT, 100, 15)));

    /** GenerateHPAScaleUpRules: the given rules with the scale-up defaults filled in. */
    public static ScalingRules scaleUp(HPAScalingRules rules) {
        return withDefaults(rules, DEFAULT_SCALE_UP);
    }

    /** GenerateHPAScaleDownRules: the given rules with the scale-down defaults filled in. */
    public static ScalingRules scaleDown(HPAScalingRules rules) {
        return withDefaults(rules, DEFAULT_SCALE_DOWN);
    }

    private static ScalingRules withDefaults(HPAScalingRules rules, ScalingRules defaults) {
        if (rules == null) {
            return defaults;
        }
        List<Policy> policies = rules.getPolicies() == null || rules.getPolicies().isEmpty() ? defaults.policies
                : rules.getPolicies().stream().map(ScalingRules::policy).toList();
        return new ScalingRules(rules.getStabilizationWindowSeconds() == null ? defaults.stabilizationWindowSeconds : rules.getStabilizationWindowSeconds(),
                rules.getSelectPolicy() == null ? MAX : rules.getSelectPolicy(), policies);
    }

    private static Policy policy(HPAScalingPolicy p) {
        return new Policy(p.getType(), p.getValue() == null ? 0 : p.getValue(), p.getPeriodSeconds() == null ? 0 : p.getPeriodSeconds());
    }

    /** The same rules with the stabilization window set (maybeInitScaleDownStabilizationWindow). */
    public ScalingRules withWindow(int seconds) {
        return new ScalingRules(seconds, selectPolicy, policies);
    }

    /** getLongestPolicyPeriod. */
    public int longestPolicyPeriod() {
        int longest = 0;
        for (Policy p : policies) {
            longest = Math.max(longest, p.periodSeconds());
        }
        return longest;
    }
}
