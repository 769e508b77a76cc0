package dev.sandtable.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * A NetworkPolicy as the API server stores it after defaulting (networking.k8s.io/v1, Kubernetes 1.31): the pods
 * it selects in its namespace, the directions it isolates (policyTypes, defaulted to Ingress plus Egress when
 * there are egress rules) and the rules that apply in each; rules of a direction not in policyTypes are ignored.
 */
public record Policy(String namespace, String name, LabelSelector podSelector, boolean isolatesIngress, boolean isolatesEgress,
                     List<PolicyRule> ingressRules, List<PolicyRule> egressRules, List<String> problems) {

    public boolean isolates(Direction d) {
        return d == Direction.INGRESS ? isolatesIngress : isolatesEgress;
    }

    /** The rules that take effect in a direction: none when the policy does not isolate it. */
    public List<PolicyRule> rules(Direction d) {
        if (!isolates(d)) {
            return List.of();
        }
        return d == Direction.INGRESS ? ingressRules : egressRules;
    }

    public String path() {
        return namespace + "/" + name;
    }
}
