package dev.sandtable.network.istio;

import java.util.List;
import java.util.Map;

/**
 * A security.istio.io AuthorizationPolicy (Istio 1.22) as far as connections go: the action (ALLOW or DENY), the
 * workloads it applies to, and rules of sources (principals, namespaces, ipBlocks and their negations) and
 * operations (ports, notPorts). HTTP-only fields and when-conditions are noted, not evaluated.
 */
public record AuthorizationPolicy(String namespace, String name, Map<String, String> selector, String action, List<Rule> rules) {

    /** A rule: any of its sources (none: any source) and any of its operations (none: any port). */
    public record Rule(List<Source> from, List<Operation> to, boolean unevaluated) {
    }

    /** One source: every field given must match. */
    public record Source(List<String> principals, List<String> notPrincipals, List<String> namespaces, List<String> notNamespaces,
                         List<String> ipBlocks, List<String> notIpBlocks) {
    }

    /** One operation: the destination ports it names (empty: all) minus notPorts. */
    public record Operation(List<Integer> ports, List<Integer> notPorts) {
    }

    public String path() {
        return namespace + "/" + name;
    }
}
