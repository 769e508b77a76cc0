package dev.sandtable.network;

import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * One NetworkPolicyPeer (networking.k8s.io/v1, Kubernetes 1.31): pods by podSelector in the policy's
 * namespace, every pod of the namespaces a namespaceSelector picks, the pods a podSelector picks within those
 * namespaces when both are given, or the addresses of an ipBlock. An invalid peer matches nothing.
 */
public record PolicyPeer(LabelSelector podSelector, LabelSelector namespaceSelector, IpBlock ipBlock, boolean valid) {

    @Override
    public String toString() {
        if (!valid) {
            return "invalid peer";
        }
        if (ipBlock != null) {
            return ipBlock.toString();
        }
        StringBuilder sb = new StringBuilder();
        if (namespaceSelector != null) {
            sb.append("namespaceSelector ").append(Selectors.describe(namespaceSelector));
        }
        if (podSelector != null) {
            sb.append(sb.isEmpty() ? "" : " and ").append("podSelector ").append(Selectors.describe(podSelector));
        }
        return sb.toString();
    }
}
