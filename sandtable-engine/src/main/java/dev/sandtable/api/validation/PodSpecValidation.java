package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.Quantities;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * pkg/apis/core/validation ValidatePodSpec (v1.31), for the fields the simulation uses: containers (names, images, ports,
 * resources), restart and DNS policy, nodeSelector, tolerations, node and pod affinity, topology spread constraints.
 * Fields defaulting fills in (protocol, pull policy) may be empty here, as they are before defaulting.
 */
final class PodSpecValidation {
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> WHEN_UNSATISFIABLE = List.of("DoNotSchedule", "ScheduleAnyway");

    private PodSpecValidation() {
    }

    static void validate(PodSpec spec, String path, List<FieldError> errors) {
        if (spec == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            errors.add(FieldErrors.required(path + ".containers", "", "add a container with a name and an image"));
        } else {
            containers(spec.getContainers(), path + ".containers", names, errors);
        }
        if (spec.getInitContainers() != null) {
            containers(spec.getInitContainers(), path + ".initContainers", names, errors);
        }
        quantities(spec.getOverhead(), path + ".overhead", errors);
        oneOf(spec.getRestartPolicy(), path + ".restartPolicy", RESTART_POLICIES, errors);
        oneOf(spec.getDnsPolicy(), path + ".dnsPolicy", DNS_POLICIES, errors);
        ObjectMetaValidation.labels(spec.getNodeSelector(), path + ".nodeSelector", errors);
        if (spec.getTolerations() != null) {
            for (int i = 0; i < spec.getTolerations().size(); i++) {
                toleration(spec.getTolerations().get(i), path + ".tolerations[" + i + "]", errors);
            }
        }
        affinity(spec.getAffinity(), path + ".affinity", errors);
        topologySpread(spec.getTopologySpreadConstraints(), path + ".topologySpreadConstraints", errors);
        if (spec.getPriorityClassName() != null && !spec.getPriorityClassName().isEmpty()) {
            for (String msg : NameValidation.dns1123Subdomain(spec.getPriorityClassName())) {
                errors.add(invalid(path + ".priorityClassName", spec.getPriorityClassName(), msg, "name an existing PriorityClass"));
            }
        }
        nonNegative(spec.getTerminationGracePeriodSeconds(), path + ".terminationGracePeriodSeconds", errors);
        if (spec.getActiveDeadlineSeconds() != null && spec.getActiveDeadlineSeconds() <= 0) {
            errors.add(invalid(path + ".activeDeadlineSeconds", spec.getActiveDeadlineSeconds(), "must be between 1 and 2147483647, inclusive",
                    "give a positive number of seconds, or remove it"));
        }
    }

    private static void containers(List<Container> containers, String path, Set<String> names, List<FieldError> errors) {
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            String at = path + "[" + i + "]";
            if (c.getName() == null || c.getName().isEmpty()) {
                errors.add(FieldErrors.required(at + ".name", "", "give each container a name, e.g. app"));
            } else {
                for (String msg : NameValidation.dns1123Label(c.getName())) {
                    errors.add(invalid(at + ".name", c.getName(), msg, "a container name is a lowercase RFC 1123 label, e.g. web-server"));
                }
                if (!names.add(c.getName())) {
                    errors.add(FieldErrors.duplicate(at + ".name", c.getName(), "give every container of the pod, init containers included, its own name"));
                }
            }
            if (c.getImage() == null || c.getImage().isEmpty()) {
                errors.add(FieldErrors.required(at + ".image", "", "add the container's image, e.g. image: nginx:1.27"));
            }
            oneOf(c.getImagePullPolicy(), at + ".imagePullPolicy", PULL_POLICIES, errors);
            ports(c.getPorts(), at + ".ports", errors);
            if (c.getResources() != null) {
                resources(c, at + ".resources", errors);
            }
        }
    }

    private static void ports(List<ContainerPort> ports, String path, List<FieldError> errors) {
        if (ports == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort p = ports.get(i);
            String at = path + "[" + i + "]";
            if (p.getName() != null && !p.getName().isEmpty()) {
                List<String> msgs = NameValidation.portName(p.getName());
                for (String msg : msgs) {
                    errors.add(invalid(at + ".name", p.getName(), msg, "a port name is at most 15 lower-case letters, digits and '-', e.g. http"));
                }
                if (msgs.isEmpty() && !names.add(p.getName())) {
                    errors.add(FieldErrors.duplicate(at + ".name", p.getName(), "give each port of the container its own name"));
                }
            }
            if (p.getContainerPort() == null || p.getContainerPort() == 0) {
                errors.add(FieldErrors.required(at + ".containerPort", "", "give the port number the container listens on"));
            } else {
                for (String msg : NameValidation.portNum(p.getContainerPort())) {
                    errors.add(invalid(at + ".containerPort", p.getContainerPort(), msg, "ports are numbered 1 to 65535"));
                }
            }
            if (p.getHostPort() != null && p.getHostPort() != 0) {
                for (String msg : NameValidation.portNum(p.getHostPort())) {
                    errors.add(invalid(at + ".hostPort", p.getHostPort(), msg, "ports are numbered 1 to 65535"));
                }
            }
            oneOf(p.getProtocol(), at + ".protocol", PROTOCOLS, errors);
        }
    }

    private static void resources(Container c, String path, List<FieldError> errors) {
        int before = errors.size();
        quantities(c.getResources().getRequests(), path + ".requests", errors);
        quantities(c.getResources().getLimits(), path + ".limits", errors);
        if (errors.size() != before || c.getResources().getRequests() == null || c.getResources().getLimits() == null) {
            return;
        }
        for (var e : c.getResources().getRequests().entrySet()) {
            Quantity limit = c.getResources().getLimits().get(e.getKey());
            if (limit != null && Quantities.parse(e.getValue()).compareTo(Quantities.parse(limit)) > 0) {
                errors.add(FieldErrors.invalidAt(FieldErrors.key(path + ".requests", e.getKey()), path + ".requests[" + e.getKey() + "]", Quantities.text(e.getValue()),
                        "must be less than or equal to " + e.getKey() + " limit of " + Quantities.text(limit), "lower the request or raise the limit"));
            }
        }
    }

    /** Resource lists: every value a quantity of zero or more. */
    static void quantities(Map<String, Quantity> list, String path, List<FieldError> errors) {
        if (list == null) {
            return;
        }
        for (var e : list.entrySet()) {
            String at = FieldErrors.key(path, e.getKey());
            if (e.getValue() == null) {
                errors.add(new FieldError(at, "missing quantity for " + e.getKey(), "write e.g. 500m or 256Mi"));
                continue;
            }
            try {
                BigDecimal v = Quantities.parse(e.getValue());
                if (v.signum() < 0) {
                    errors.add(FieldErrors.invalidAt(at, path + "[" + e.getKey() + "]", Quantities.text(e.getValue()),
                            "must be greater than or equal to 0", "use a value of zero or more"));
                }
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError(at, "invalid quantity \"" + Quantities.text(e.getValue()) + "\": " + ex.getMessage(), quantityHint(e.getKey())));
            }
        }
    }

    private static String quantityHint(String resource) {
        return switch (resource) {
            case "cpu" -> "CPU is written in cores or millicores, e.g. 500m or 0.5";
            case "memory", "ephemeral-storage", "storage" -> "sizes take a binary or decimal suffix, e.g. 256Mi, 1Gi or 500M";
            default -> "write a number with an optional suffix (m, k, M, G, Ki, Mi, Gi)";
        };
    }

    /** core validation validateTolerations. */
    static void toleration(Toleration t, String path, List<FieldError> errors) {
        String key = t.getKey() == null ? "" : t.getKey();
        String op = t.getOperator() == null ? "" : t.getOperator();
        String value = t.getValue() == null ? "" : t.getValue();
        String effect = t.getEffect() == null ? "" : t.getEffect();
        if (!key.isEmpty()) {
            ObjectMetaValidation.labelName(key, path + ".key", errors);
        }
        if (key.isEmpty() && !op.equals("Exists")) {
            errors.add(invalid(path + ".operator", op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
                    "give the taint's key, or use operator: Exists to tolerate every taint"));
        }
        if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
            errors.add(invalid(path + ".effect", effect, "effect must be 'NoExecute' when `tolerationSeconds` is set",
                    "set effect: NoExecute, or remove tolerationSeconds"));
        }
        switch (op) {
            case "", "Equal" -> {
                List<String> msgs = NameValidation.labelValue(value);
                if (!msgs.isEmpty()) {
                    errors.add(invalid(path + ".operator", value, String.join(";", msgs), "a toleration value is written like a label value"));
                }
            }
            case "Exists" -> {
                if (!value.isEmpty()) {
                    errors.add(FieldErrors.invalidAt(path + ".value", path + ".operator", new GoValue(goToleration(t)),
                            "value must be empty when `operator` is 'Exists'", "remove value, or use operator: Equal"));
                }
            }
            default -> errors.add(FieldErrors.notSupported(path + ".operator", op, TOLERATION_OPERATORS, "use Equal or Exists"));
        }
        oneOf(effect, path + ".effect", TAINT_EFFECTS, errors);
    }

    /** A value printed as is (Go's %#v of a struct). */
    record GoValue(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static String goToleration(Toleration t) {
        return "core.Toleration{Key:" + FieldErrors.quote(orEmpty(t.getKey())) + ", Operator:" + FieldErrors.quote(orEmpty(t.getOperator()))
                + ", Value:" + FieldErrors.quote(orEmpty(t.getValue())) + ", Effect:" + FieldErrors.quote(orEmpty(t.getEffect()))
                + ", TolerationSeconds:(*int64)(" + (t.getTolerationSeconds() == null ? "nil" : String.valueOf(t.getTolerationSeconds())) + ")}";
    }

    private static void affinity(Affinity a, String path, List<FieldError> errors) {
        if (a == null) {
            return;
        }
        if (a.getNodeAffinity() != null) {
            String base = path + ".nodeAffinity";
            nodeSelector(a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(), base + ".requiredDuringSchedulingIgnoredDuringExecution", errors);
            List<PreferredSchedulingTerm> preferred = a.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            if (preferred != null) {
                for (int i = 0; i < preferred.size(); i++) {
                    String at = base + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
                    weight(preferred.get(i).getWeight(), at + ".weight", errors);
                    nodeSelectorTerm(preferred.get(i).getPreference(), at + ".preference", errors);
                }
            }
        }
        if (a.getPodAffinity() != null) {
            podAffinityTerms(a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), path + ".podAffinity", errors);
        }
        if (a.getPodAntiAffinity() != null) {
            podAffinityTerms(a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), path + ".podAntiAffinity", errors);
        }
    }

    /** core validation ValidateNodeSelector: at least one term, each requirement valid. */
    static void nodeSelector(NodeSelector selector, String path, List<FieldError> errors) {
        if (selector == null) {
            return;
        }
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
        if (terms == null || terms.isEmpty()) {
            errors.add(FieldErrors.required(path + ".nodeSelectorTerms", "must have at least one node selector term",
                    "add a nodeSelectorTerms entry with matchExpressions"));
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            nodeSelectorTerm(terms.get(i), path + ".nodeSelectorTerms[" + i + "]", errors);
        }
    }

    private static void nodeSelectorTerm(NodeSelectorTerm term, String path, List<FieldError> errors) {
        if (term == null) {
            return;
        }
        if (term.getMatchExpressions() != null) {
            for (int i = 0; i < term.getMatchExpressions().size(); i++) {
                nodeSelectorRequirement(term.getMatchExpressions().get(i), path + ".matchExpressions[" + i + "]", errors);
            }
        }
        if (term.getMatchFields() != null) {
            for (int i = 0; i < term.getMatchFields().size(); i++) {
                nodeFieldRequirement(term.getMatchFields().get(i), path + ".matchFields[" + i + "]", errors);
            }
        }
    }

    /** core validation ValidateNodeSelectorRequirement. */
    static void nodeSelectorRequirement(NodeSelectorRequirement r, String path, List<FieldError> errors) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errors.add(FieldErrors.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'", "list the values to match"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errors.add(FieldErrors.forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                            "remove values, or use In / NotIn"));
                }
            }
            case "Gt", "Lt" -> {
                if (values.size() != 1) {
                    errors.add(FieldErrors.required(path + ".values", "must be specified single value when `operator` is 'Lt' or 'Gt'",
                            "give exactly one integer value"));
                }
            }
            default -> errors.add(invalid(path + ".operator", op, "not a valid selector operator", "use In, NotIn, Exists, DoesNotExist, Gt or Lt"));
        }
        ObjectMetaValidation.labelName(r.getKey(), path + ".key", errors);
    }

    private static void nodeFieldRequirement(NodeSelectorRequirement r, String path, List<FieldError> errors) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In", "NotIn" -> {
                if (values.size() != 1) {
                    errors.add(FieldErrors.required(path + ".values", "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
                            "give exactly one node name"));
                }
            }
            default -> errors.add(invalid(path + ".operator", op, "not a valid selector operator", "use In or NotIn with matchFields"));
        }
        if (!"metadata.name".equals(r.getKey())) {
            errors.add(invalid(path + ".key", r.getKey() == null ? "" : r.getKey(), "not a valid field selector key", "matchFields supports metadata.name only"));
        }
    }

    private static void podAffinityTerms(List<PodAffinityTerm> required, List<WeightedPodAffinityTerm> preferred, String path, List<FieldError> errors) {
        if (required != null) {
            for (int i = 0; i < required.size(); i++) {
                podAffinityTerm(required.get(i), path + ".requiredDuringSchedulingIgnoredDuringExecution[" + i + "]", errors);
            }
        }
        if (preferred != null) {
            for (int i = 0; i < preferred.size(); i++) {
                String at = path + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
                weight(preferred.get(i).getWeight(), at + ".weight", errors);
                if (preferred.get(i).getPodAffinityTerm() != null) {
                    podAffinityTerm(preferred.get(i).getPodAffinityTerm(), at + ".podAffinityTerm", errors);
                }
            }
        }
    }

    private static void podAffinityTerm(PodAffinityTerm term, String path, List<FieldError> errors) {
        LabelSelectorValidation.validate(term.getLabelSelector(), path + ".labelSelector", errors);
        LabelSelectorValidation.validate(term.getNamespaceSelector(), path + ".namespaceSelector", errors);
        if (term.getNamespaces() != null) {
            for (String ns : term.getNamespaces()) {
                for (String msg : NameValidation.dns1123Label(ns)) {
                    errors.add(invalid(path + ".namespace", ns, msg, "namespaces are lowercase RFC 1123 labels"));
                }
            }
        }
        topologyKey(term.getTopologyKey(), path + ".topologyKey", errors);
    }

    private static void topologyKey(String key, String path, List<FieldError> errors) {
        if (key == null || key.isEmpty()) {
            errors.add(FieldErrors.required(path, "can not be empty", "name a node label, e.g. kubernetes.io/hostname or topology.kubernetes.io/zone"));
        } else {
            ObjectMetaValidation.labelName(key, path, errors);
        }
    }

    private static void weight(Integer w, String path, List<FieldError> errors) {
        if (w == null || w <= 0 || w > 100) {
            errors.add(invalid(path, w == null ? 0 : w, "must be in the range 1-100", "give a weight from 1 to 100"));
        }
    }

    /** core validation validateTopologySpreadConstraints. */
    private static void topologySpread(List<TopologySpreadConstraint> constraints, String path, List<FieldError> errors) {
        if (constraints == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < constraints.size(); i++) {
            TopologySpreadConstraint c = constraints.get(i);
            String at = path + "[" + i + "]";
            int skew = c.getMaxSkew() == null ? 0 : c.getMaxSkew();
            if (skew <= 0) {
                errors.add(invalid(at + ".maxSkew", skew, "must be greater than zero", "give maxSkew of 1 or more"));
            }
            topologyKey(c.getTopologyKey(), at + ".topologyKey", errors);
            String when = c.getWhenUnsatisfiable() == null ? "" : c.getWhenUnsatisfiable();
            if (!WHEN_UNSATISFIABLE.contains(when)) {
                errors.add(FieldErrors.notSupported(at + ".whenUnsatisfiable", when, WHEN_UNSATISFIABLE, "use DoNotSchedule or ScheduleAnyway"));
            }
            if (c.getMinDomains() != null) {
                if (c.getMinDomains() <= 0) {
                    errors.add(invalid(at + ".minDomains", c.getMinDomains(), "must be greater than zero", "give minDomains of 1 or more, or remove it"));
                } else if (!"DoNotSchedule".equals(when)) {
                    errors.add(invalid(at + ".minDomains", c.getMinDomains(), "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when,
                            "remove minDomains, or use whenUnsatisfiable: DoNotSchedule"));
                }
            }
            LabelSelectorValidation.validate(c.getLabelSelector(), at + ".labelSelector", errors);
            if (!seen.add(c.getTopologyKey() + "\u0000" + when)) {
                errors.add(FieldErrors.duplicate(at, "{" + c.getTopologyKey() + ", " + when + "}",
                        "merge the constraints with the same topologyKey and whenUnsatisfiable"));
            }
        }
    }

    /** A field with a closed set of values; empty means defaulting fills it in. */
    static void oneOf(String value, String path, List<String> supported, List<FieldError> errors) {
        if (value != null && !value.isEmpty() && !supported.contains(value)) {
            errors.add(FieldErrors.notSupported(path, value, supported, "use " + String.join(", ", supported)));
        }
    }

    static void nonNegative(Number value, String path, List<FieldError> errors) {
        if (value != null && value.longValue() < 0) {
            errors.add(invalid(path, value, "must be greater than or equal to 0", "use 0 or more"));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
