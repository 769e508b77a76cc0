package dev.sandtable.network.istio;

/** What Istio knows of a pod: its service account (its identity under mTLS) and whether it has a sidecar proxy. */
public record MeshPod(String serviceAccount, boolean sidecar) {

    /** The SPIFFE principal Istio derives from the service account, trust domain cluster.local. */
    public String principal(String namespace) {
        return "cluster.local/ns/" + namespace + "/sa/" + serviceAccount;
    }
}
