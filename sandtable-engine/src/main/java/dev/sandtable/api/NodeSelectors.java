package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Node selection as k8s.io/component-helpers nodeaffinity (v1.31) evaluates it: nodeSelector AND
 * requiredDuringSchedulingIgnoredDuringExecution, whose terms are ORed and whose requirements are ANDed.
 * A term whose requirements do not parse (as labels.NewRequirement and the field-selector conversion reject
 * them) matches no node; a term with no requirements matches no node either.
 */
public final class NodeSelectors {
    /** The only field a matchFields requirement can select on. */
    public static final String OBJECT_NAME_FIELD = "metadata.name";

    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private NodeSelectors() {
    }

    public static NodeSelector requiredAffinity(PodSpec spec) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return null;
        }
        return spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    }

    /** Terms are ORed; a term with no requirements, or with one that does not parse, matches nothing. */
    public static boolean matches(NodeSelector selector, String nodeName, Map<String, String> labels) {
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
        if (terms == null) {
            return false;
        }
        for (NodeSelectorTerm term : terms) {
            if (termMatches(term, nodeName, labels)) {
                return true;
            }
        }
        return false;
    }

    public static boolean termMatches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
        if (isEmpty(term) || !isValid(term)) {
            return false;
        }
        return validTermMatches(term, nodeName, labels);
    }

    /** Matches a term already known to be non-empty and valid. */
    static boolean validTermMatches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
        if (term.getMatchExpressions() != null) {
            for (NodeSelectorRequirement r : term.getMatchExpressions()) {
                if (!labelRequirementMatches(r, labels)) {
                    return false;
                }
            }
        }
        // Upstream builds the field set from the node name only when it is set; with no fields, matchFields are not checked.
        boolean haveFields = nodeName != null && !nodeName.isEmpty();
        if (haveFields && term.getMatchFields() != null) {
            for (NodeSelectorRequirement r : term.getMatchFields()) {
                String value = OBJECT_NAME_FIELD.equals(r.getKey()) ? nodeName : "";
                boolean equal = value.equals(r.getValues().get(0));
                if ("In".equals(r.getOperator()) != equal) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A term with neither matchExpressions nor matchFields (nil or empty lists). */
    public static boolean isEmpty(NodeSelectorTerm term) {
        return (term.getMatchExpressions() == null || term.getMatchExpressions().isEmpty())
                && (term.getMatchFields() == null || term.getMatchFields().isEmpty());
    }

    /** Whether every requirement of the term parses: label requirements as labels.NewRequirement, fields as In/NotIn with one value. */
    public static boolean isValid(NodeSelectorTerm term) {
        if (term.getMatchExpressions() != null) {
            for (NodeSelectorRequirement r : term.getMatchExpressions()) {
                if (!labelRequirementValid(r)) {
                    return false;
                }
            }
        }
        if (term.getMatchFields() != null) {
            for (NodeSelectorRequirement r : term.getMatchFields()) {
                String op = r.getOperator();
                if (!("In".equals(op) || "NotIn".equals(op)) || r.getValues() == null || r.getValues().size() != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean labelRequirementValid(NodeSelectorRequirement r) {
        if (!isQualifiedName(r.getKey())) {
            return false;
        }
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        boolean ok = switch (op) {
            case "In", "NotIn" -> !values.isEmpty();
            case "Exists", "DoesNotExist" -> values.isEmpty();
            case "Gt", "Lt" -> values.size() == 1 && parseInt64(values.get(0)) != null;
            default -> false;
        };
        if (!ok) {
            return false;
        }
        for (String v : values) {
            if (v == null || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelRequirementMatches(NodeSelectorRequirement r, Map<String, String> labels) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean present = labels.containsKey(r.getKey());
        String value = labels.get(r.getKey());
        return switch (r.getOperator()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "Gt", "Lt" -> {
                Long have = present ? parseInt64(value) : null;
                Long bound = parseInt64(values.get(0));
                yield have != null && bound != null && ("Gt".equals(r.getOperator()) ? have > bound : have < bound);
            }
            default -> false;
        };
    }

    /** validation.IsQualifiedName: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    public static boolean isQualifiedName(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches() || name.contains("/")) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }

    /** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64; null when it does not parse. */
    private static Long parseInt64(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
