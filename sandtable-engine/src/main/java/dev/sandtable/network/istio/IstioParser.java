package dev.sandtable.network.istio;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads Istio's security.istio.io/v1 (and v1beta1) PeerAuthentication and AuthorizationPolicy custom resources from their spec maps. */
public final class IstioParser {
    public static final String GROUP = "security.istio.io/";

    private IstioParser() {
    }

    public static boolean isPeerAuthentication(HasMetadata o) {
        return o instanceof GenericKubernetesResource && o.getApiVersion() != null && o.getApiVersion().startsWith(GROUP) && "PeerAuthentication".equals(o.getKind());
    }

    public static boolean isAuthorizationPolicy(HasMetadata o) {
        return o instanceof GenericKubernetesResource && o.getApiVersion() != null && o.getApiVersion().startsWith(GROUP) && "AuthorizationPolicy".equals(o.getKind());
    }

    public static PeerAuthentication peerAuthentication(GenericKubernetesResource r) {
        Map<String, Object> spec = map(r.getAdditionalProperties().get("spec"));
        Map<String, Object> mtls = map(spec.get("mtls"));
        Map<Integer, String> ports = new LinkedHashMap<>();
        map(spec.get("portLevelMtls")).forEach((port, m) -> {
            Integer p = number(port);
            if (p != null) {
                ports.put(p, string(map(m).get("mode"), "UNSET"));
            }
        });
        return new PeerAuthentication(namespace(r), r.getMetadata().getName(), selector(spec), string(mtls.get("mode"), "UNSET"), ports);
    }

    public static AuthorizationPolicy authorizationPolicy(GenericKubernetesResource r) {
        Map<String, Object> spec = map(r.getAdditionalProperties().get("spec"));
        List<AuthorizationPolicy.Rule> rules = new ArrayList<>();
        for (Object o : list(spec.get("rules"))) {
            Map<String, Object> rule = map(o);
            List<AuthorizationPolicy.Source> from = new ArrayList<>();
            boolean unevaluated = !list(rule.get("when")).isEmpty();
            for (Object f : list(rule.get("from"))) {
                Map<String, Object> s = map(map(f).get("source"));
                unevaluated |= s.containsKey("requestPrincipals") || s.containsKey("notRequestPrincipals") || s.containsKey("remoteIpBlocks")
                        || s.containsKey("notRemoteIpBlocks");
                from.add(new AuthorizationPolicy.Source(strings(s.get("principals")), strings(s.get("notPrincipals")), strings(s.get("namespaces")),
                        strings(s.get("notNamespaces")), strings(s.get("ipBlocks")), strings(s.get("notIpBlocks"))));
            }
            List<AuthorizationPolicy.Operation> to = new ArrayList<>();
            for (Object t : list(rule.get("to"))) {
                Map<String, Object> op = map(map(t).get("operation"));
                for (String http : List.of("hosts", "notHosts", "methods", "notMethods", "paths", "notPaths")) {
                    unevaluated |= op.containsKey(http);
                }
                to.add(new AuthorizationPolicy.Operation(numbers(op.get("ports")), numbers(op.get("notPorts"))));
            }
            rules.add(new AuthorizationPolicy.Rule(List.copyOf(from), List.copyOf(to), unevaluated));
        }
        return new AuthorizationPolicy(namespace(r), r.getMetadata().getName(), selector(spec), string(spec.get("action"), "ALLOW"), List.copyOf(rules));
    }

    private static Map<String, String> selector(Map<String, Object> spec) {
        Object s = spec.get("selector");
        if (s == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map(map(s).get("matchLabels")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out.isEmpty() ? null : out;
    }

    private static String namespace(HasMetadata r) {
        return r.getMetadata().getNamespace() == null ? "default" : r.getMetadata().getNamespace();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static List<Integer> numbers(Object o) {
        return list(o).stream().map(IstioParser::number).filter(Objects::nonNull).toList();
    }

    private static Integer number(Object o) {
        try {
            return Integer.valueOf(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String string(Object o, String otherwise) {
        return o == null ? otherwise : String.valueOf(o);
    }
}
