package dev.sandtable.scheduler.plugins.podtopologyspread;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parsed label selector with the semantics of apimachinery labels.Selector (v0.31): either "nothing"
 * (what a null metav1.LabelSelector converts to) or a conjunction of requirements, where no requirement
 * at all selects everything. Requirements can be appended, as labels.Selector.Add does.
 */
final class Selector {
    /** Matches no label set; has no requirements to merge (labels.Nothing()). */
    static final Selector NOTHING = new Selector(null);
    /** Matches every label set (labels.Everything()). */
    static final Selector EVERYTHING = new Selector(List.of());

    enum Op { EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One requirement; values are kept sorted, as labels.NewRequirement does. */
    record Requirement(String key, Op op, List<String> values) {
        boolean matches(Map<String, String> labels) {
            return switch (op) {
                case EQUALS, IN -> labels.containsKey(key) && values.contains(labels.get(key));
                case NOT_IN -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case EXISTS -> labels.containsKey(key);
                case DOES_NOT_EXIST -> !labels.containsKey(key);
            };
        }

        @Override
        public String toString() {
            return switch (op) {
                case EQUALS -> key + "=" + values.get(0);
                case IN -> key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
            };
        }
    }

    /** Thrown when a label selector cannot be converted, as metav1.LabelSelectorAsSelector errors. */
    static final class InvalidSelectorException extends Exception {
        InvalidSelectorException(String message) {
            super(message);
        }
    }

    private final List<Requirement> requirements;

    private Selector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** metav1.LabelSelectorAsSelector: null selects nothing, an empty selector everything. */
    static Selector of(LabelSelector ls) throws InvalidSelectorException {
        if (ls == null) {
            return NOTHING;
        }
        Map<String, String> matchLabels = ls.getMatchLabels();
        List<LabelSelectorRequirement> exprs = ls.getMatchExpressions();
        if ((matchLabels == null || matchLabels.isEmpty()) && (exprs == null || exprs.isEmpty())) {
            return EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>();
        if (matchLabels != null) {
            matchLabels.forEach((k, v) -> reqs.add(new Requirement(k, Op.EQUALS, List.of(v == null ? "" : v))));
        }
        if (exprs != null) {
            for (LabelSelectorRequirement r : exprs) {
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                Op op = switch (r.getOperator() == null ? "" : r.getOperator()) {
                    case "In" -> Op.IN;
                    case "NotIn" -> Op.NOT_IN;
                    case "Exists" -> Op.EXISTS;
                    case "DoesNotExist" -> Op.DOES_NOT_EXIST;
                    default -> throw new InvalidSelectorException("\"" + r.getOperator() + "\" is not a valid label selector operator");
                };
                if ((op == Op.IN || op == Op.NOT_IN) && values.isEmpty()) {
                    throw new InvalidSelectorException("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
                }
                if ((op == Op.EXISTS || op == Op.DOES_NOT_EXIST) && !values.isEmpty()) {
                    throw new InvalidSelectorException("values: Invalid value: " + values + ": values set must be empty for exists and does not exist");
                }
                reqs.add(new Requirement(r.getKey(), op, List.copyOf(new TreeSet<>(values))));
            }
        }
        return new Selector(sorted(reqs));
    }

    /** labels.SelectorFromSet / Set.AsSelector: one equality requirement per entry; an empty set selects everything. */
    static Selector fromSet(Map<String, String> set) {
        List<Requirement> reqs = new ArrayList<>(set.size());
        set.forEach((k, v) -> reqs.add(new Requirement(k, Op.EQUALS, List.of(v == null ? "" : v))));
        return new Selector(sorted(reqs));
    }

    /** labels.Selector.Add; adding to "nothing" leaves nothing. */
    Selector add(List<Requirement> more) {
        if (requirements == null) {
            return this;
        }
        List<Requirement> all = new ArrayList<>(requirements);
        all.addAll(more);
        return new Selector(sorted(all));
    }

    /** The requirements, or null for the "nothing" selector (labels.Selector.Requirements returning selectable=false). */
    List<Requirement> requirements() {
        return requirements;
    }

    /** labels.Selector.Empty: true only for a selector without requirements; "nothing" is not empty. */
    boolean isEmpty() {
        return requirements != null && requirements.isEmpty();
    }

    boolean matches(Map<String, String> labels) {
        if (requirements == null) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(l)) {
                return false;
            }
        }
        return true;
    }

    private static List<Requirement> sorted(List<Requirement> reqs) {
        List<Requirement> copy = new ArrayList<>(reqs);
        copy.sort(Comparator.comparing(Requirement::key));
        return Collections.unmodifiableList(copy);
    }

    @Override
    public String toString() {
        if (requirements == null) {
            return "<nothing>";
        }
        List<String> parts = new ArrayList<>(requirements.size());
        for (Requirement r : requirements) {
            parts.add(r.toString());
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
