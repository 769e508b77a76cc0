package dev.sandtable.scheduler.framework;

import dev.sandtable.api.validation.NameValidation;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A label selector validated and compiled once, with the semantics of apimachinery labels.Selector (v0.31) as
 * metav1.LabelSelectorAsSelector builds it: a null selector selects nothing, an empty one everything, and invalid
 * keys, values or operators are rejected with the apimachinery error text. Requirements are kept sorted by key and
 * can be added to, as labels.Selector.Add does; labels.SelectorFromSet builds one from a label set.
 */
public final class ParsedSelector {
    /** labels.Nothing(): matches no label set and has no requirements to add anywhere. */
    public static final ParsedSelector NOTHING = new ParsedSelector(null);
    /** labels.Everything(): no requirements, so it matches every label set. */
    public static final ParsedSelector EVERYTHING = new ParsedSelector(new Requirement[0]);

    private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key);

    enum Op { EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One requirement; its values are sorted and distinct (set semantics, the order labels.Requirement.String prints). */
    record Requirement(String key, Op op, List<String> values) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case EQUALS, IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null || labels.containsKey(key);
                case DOES_NOT_EXIST -> v == null && !labels.containsKey(key);
            };
        }

        /** labels.Requirement.String. */
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

    /** Sorted by key; null for {@link #NOTHING}. */
    private final Requirement[] requirements;

    private ParsedSelector(Requirement[] requirements) {
        this.requirements = requirements;
    }

    /** Compiles a selector; throws {@link InvalidSelectorException} with the apimachinery message when it is invalid. */
    public static ParsedSelector parse(LabelSelector selector) throws InvalidSelectorException {
        if (selector == null) {
            return NOTHING;
        }
        Map<String, String> matchLabels = selector.getMatchLabels();
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions();
        int n = (matchLabels == null ? 0 : matchLabels.size()) + (exprs == null ? 0 : exprs.size());
        if (n == 0) {
            return EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>(n);
        if (matchLabels != null) {
            for (Map.Entry<String, String> e : matchLabels.entrySet()) {
                String v = e.getValue() == null ? "" : e.getValue();
                reqs.add(requirement(e.getKey(), Op.EQUALS, new String[] {v}));
            }
        }
        if (exprs != null) {
            for (LabelSelectorRequirement r : exprs) {
                Op op = switch (r.getOperator() == null ? "" : r.getOperator()) {
                    case "In" -> Op.IN;
                    case "NotIn" -> Op.NOT_IN;
                    case "Exists" -> Op.EXISTS;
                    case "DoesNotExist" -> Op.DOES_NOT_EXIST;
                    default -> throw new InvalidSelectorException(quote(r.getOperator()) + " is not a valid label selector operator");
                };
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                reqs.add(requirement(r.getKey(), op, values.toArray(new String[0])));
            }
        }
        return sorted(reqs);
    }

    /** labels.SelectorFromSet: one equality requirement per entry, unvalidated; an empty set selects everything. */
    public static ParsedSelector fromSet(Map<String, String> set) {
        List<Requirement> reqs = new ArrayList<>(set.size());
        set.forEach((k, v) -> reqs.add(new Requirement(k, Op.EQUALS, List.of(v == null ? "" : v))));
        return sorted(reqs);
    }

    /**
     * labels.Selector.Add with the other selector's requirements: adding to nothing leaves nothing, and nothing
     * (whose Requirements() reports none) or everything adds none.
     */
    public ParsedSelector add(ParsedSelector other) {
        if (requirements == null || other.requirements == null || other.requirements.length == 0) {
            return this;
        }
        List<Requirement> all = new ArrayList<>(requirements.length + other.requirements.length);
        all.addAll(Arrays.asList(requirements));
        all.addAll(Arrays.asList(other.requirements));
        return sorted(all);
    }

    private static ParsedSelector sorted(List<Requirement> reqs) {
        if (reqs.isEmpty()) {
            return EVERYTHING;
        }
        Requirement[] a = reqs.toArray(new Requirement[0]);
        Arrays.sort(a, BY_KEY);
        return new ParsedSelector(a);
    }

    /** labels.NewRequirement's validation: key, operator arity, then every value. */
    private static Requirement requirement(String key, Op op, String[] values) throws InvalidSelectorException {
        String k = key == null ? "" : key;
        List<String> errs = new ArrayList<>();
        List<String> keyErrs = NameValidation.qualifiedName(k);
        if (!keyErrs.isEmpty()) {
            errs.add("key: Invalid value: " + quote(k) + ": " + String.join("; ", keyErrs));
        }
        switch (op) {
            case EQUALS -> {
                // A matchLabels entry always gives the one value exact-match requires.
            }
            case IN, NOT_IN -> {
                if (values.length == 0) {
                    errs.add("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (values.length != 0) {
                    errs.add("values: Invalid value: " + goSlice(values) + ": values set must be empty for exists and does not exist");
                }
            }
        }
        for (int i = 0; i < values.length; i++) {
            List<String> valueErrs = NameValidation.labelValue(values[i]);
            if (!valueErrs.isEmpty()) {
                errs.add("values[" + i + "][" + k + "]: Invalid value: " + quote(values[i]) + ": " + String.join("; ", valueErrs));
            }
        }
        if (errs.size() == 1) {
            throw new InvalidSelectorException(errs.get(0));
        } else if (!errs.isEmpty()) {
            throw new InvalidSelectorException("[" + String.join(", ", errs) + "]");
        }
        return new Requirement(k, op, List.copyOf(new TreeSet<>(Arrays.asList(values))));
    }
    private static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String goSlice(String[] values) {
        StringBuilder sb = new StringBuilder("[]string{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(values[i]));
        }
        return sb.append('}').toString();
    }

    /** The requirements that admit only listed values (= and in), as key and values, for looking labels up in an index. */
    public List<Map.Entry<String, List<String>>> valueRequirements() {
        if (requirements == null) {
            return List.of();
        }
        List<Map.Entry<String, List<String>>> out = new ArrayList<>(requirements.length);
        for (Requirement r : requirements) {
            if (r.op() == Op.EQUALS || r.op() == Op.IN) {
                out.add(Map.entry(r.key(), r.values()));
            }
        }
        return out;
    }

    /** labels.Selector.Empty: true only without requirements; {@link #NOTHING} is not empty. */
    public boolean isEmpty() {
        return requirements != null && requirements.length == 0;
    }

    /** Whether this is labels.Nothing(), what a null metav1.LabelSelector converts to. */
    public boolean isNothing() {
        return requirements == null;
    }

    /** Matches a label set; null labels are the empty set. */
    public boolean matches(Map<String, String> labels) {
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

    /** labels.Selector.String: the requirements joined by commas ("" for everything); "<nothing>" for nothing. */
    @Override
    public String toString() {
        if (requirements == null) {
            return "<nothing>";
        }
        StringJoiner sj = new StringJoiner(",");
        for (Requirement r : requirements) {
            sj.add(r.toString());
        }
        return sj.toString();
    }

    /** Selectors are equal when they hold the same requirements (keys, operators and value sets) in the same order. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ParsedSelector other && (requirements == null
                ? other.requirements == null
                : other.requirements != null && Arrays.equals(requirements, other.requirements));
    }

    @Override
    public int hashCode() {
        return requirements == null ? -1 : Arrays.hashCode(requirements);
    }

    /** An invalid label selector, with the message apimachinery would give. */
    public static final class InvalidSelectorException extends Exception {
        public InvalidSelectorException(String message) {
            super(message);
        }
    }
}
