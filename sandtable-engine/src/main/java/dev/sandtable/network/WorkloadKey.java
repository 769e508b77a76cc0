package dev.sandtable.network;

/** The top-level controller a pod belongs to (Deployment, StatefulSet, DaemonSet, ...), or the pod itself when it has none. */
public record WorkloadKey(String kind, String namespace, String name) {
    /** The kind of the pseudo-workload that stands for addresses outside the cluster. */
    public static final String EXTERNAL = "External";

    public boolean isExternal() {
        return EXTERNAL.equals(kind);
    }

    /** "namespace/name", or just the name outside the cluster. */
    public String path() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** "Kind/namespace/name" as the command line accepts it. */
    public String qualified() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    @Override
    public String toString() {
        return kind + " " + path();
    }
}
