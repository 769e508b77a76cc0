package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Identifies a stored object: its type (the Java class of a built-in kind; apiVersion and kind for a custom
 * resource, as every custom resource shares one class), namespace ("" when cluster-scoped) and name.
 */
public record ObjectKey(Class<? extends HasMetadata> kind, String type, String namespace, String name) {
    public ObjectKey(Class<? extends HasMetadata> kind, String namespace, String name) {
        this(kind, kind.getName(), namespace, name);
    }

    public static ObjectKey of(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return new ObjectKey(o.getClass(), typeOf(o), ns == null ? "" : ns, o.getMetadata().getName());
    }

    /** The storage type of an object: custom resources are told apart by apiVersion and kind. */
    public static String typeOf(HasMetadata o) {
        return o instanceof GenericKubernetesResource ? o.getApiVersion() + "/" + o.getKind() : o.getClass().getName();
    }

    public String path() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
