package dev.sandtable.network;

/** The two policy types of networking.k8s.io/v1 NetworkPolicy (Kubernetes 1.31): traffic into and out of a selected pod. */
public enum Direction {
    INGRESS("Ingress", "ingress", "from"),
    EGRESS("Egress", "egress", "to");

    private final String policyType;
    private final String field;
    private final String peersField;

    Direction(String policyType, String field, String peersField) {
        this.policyType = policyType;
        this.field = field;
        this.peersField = peersField;
    }

    /** The value in spec.policyTypes. */
    public String policyType() {
        return policyType;
    }

    /** The rule list's field name in the spec: ingress or egress. */
    public String field() {
        return field;
    }

    /** The peer list's field name in a rule: from or to. */
    public String peersField() {
        return peersField;
    }
}
