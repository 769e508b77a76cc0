package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * matchLabelKeys / mismatchLabelKeys of pod (anti-)affinity terms (KEP-3633, feature MatchLabelKeysInPodAffinity,
 * beta and on by default in v1.31). kube-scheduler never reads these fields: kube-apiserver merges them into
 * each term's labelSelector when the pod is created (pkg/registry/core/pod/strategy.go mutatePodAffinity), as
 * "key In (value)" for matchLabelKeys and "key NotIn (value)" for mismatchLabelKeys, taking the value from the
 * pod's own labels and skipping keys the pod does not carry and terms without a labelSelector.
 * Call {@link #apply(Pod)} once, on pod creation, from admission.
 */
public final class PodAffinityLabelKeys {
    private PodAffinityLabelKeys() {
    }

    /** Merges the label keys of every pod (anti-)affinity term into its labelSelector, in place. */
    public static void apply(Pod pod) {
        Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        if (a == null) {
            return;
        }
        Map<String, String> labels = pod.getMetadata() == null || pod.getMetadata().getLabels() == null
                ? Map.of() : pod.getMetadata().getLabels();
        if (a.getPodAffinity() != null) {
            applyWeighted(a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), labels);
            applyRequired(a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), labels);
        }
        if (a.getPodAntiAffinity() != null) {
            applyWeighted(a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), labels);
            applyRequired(a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), labels);
        }
    }

    private static void applyWeighted(List<WeightedPodAffinityTerm> terms, Map<String, String> labels) {
        if (terms != null) {
            for (WeightedPodAffinityTerm t : terms) {
                if (t.getPodAffinityTerm() != null) {
                    applyTerm(t.getPodAffinityTerm(), labels);
                }
            }
        }
    }

    private static void applyRequired(List<PodAffinityTerm> terms, Map<String, String> labels) {
        if (terms != null) {
            for (PodAffinityTerm t : terms) {
                applyTerm(t, labels);
            }
        }
    }

    private static void applyTerm(PodAffinityTerm term, Map<String, String> labels) {
        boolean none = (term.getMatchLabelKeys() == null || term.getMatchLabelKeys().isEmpty())
                && (term.getMismatchLabelKeys() == null || term.getMismatchLabelKeys().isEmpty());
        if (none || term.getLabelSelector() == null) {
            return;
        }
        List<LabelSelectorRequirement> exprs = term.getLabelSelector().getMatchExpressions() == null
                ? new ArrayList<>() : new ArrayList<>(term.getLabelSelector().getMatchExpressions());
        addRequirements(exprs, term.getMatchLabelKeys(), "In", labels);
        addRequirements(exprs, term.getMismatchLabelKeys(), "NotIn", labels);
        term.getLabelSelector().setMatchExpressions(exprs);
    }

    private static void addRequirements(List<LabelSelectorRequirement> exprs, List<String> keys, String operator, Map<String, String> labels) {
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            String value = labels.get(key);
            if (value != null) {
                exprs.add(new LabelSelectorRequirement(key, operator, new ArrayList<>(List.of(value))));
            }
        }
    }
}
