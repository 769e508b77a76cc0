package dev.sandtable.network.istio;

import java.util.Map;

/**
 * A security.istio.io PeerAuthentication (Istio 1.22): the mTLS mode (STRICT, PERMISSIVE, DISABLE or UNSET to
 * inherit) for the workloads its selector picks, for every workload of its namespace without a selector, or for
 * the whole mesh in the root namespace; portLevelMtls overrides the mode per workload port.
 */
public record PeerAuthentication(String namespace, String name, Map<String, String> selector, String mode, Map<Integer, String> portModes) {

    public String path() {
        return namespace + "/" + name;
    }
}
