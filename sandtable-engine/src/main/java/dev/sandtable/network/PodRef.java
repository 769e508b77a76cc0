package dev.sandtable.network;

/** Names a pod by namespace and name; an external endpoint (such as the world) has an empty namespace. */
public record PodRef(String namespace, String name) {

    public static PodRef external(String name) {
        return new PodRef("", name);
    }

    public boolean isExternal() {
        return namespace.isEmpty();
    }

    @Override
    public String toString() {
        return isExternal() ? name : namespace + "/" + name;
    }
}
