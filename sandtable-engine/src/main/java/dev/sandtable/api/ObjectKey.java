package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Identifies a stored object: its Java kind, namespace ("" when cluster-scoped) and name. */
public record ObjectKey(Class<? extends HasMetadata> kind, String namespace, String name) {
    public static ObjectKey of(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return new ObjectKey(o.getClass(), ns == null ? "" : ns, o.getMetadata().getName());
    }

    public String path() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
