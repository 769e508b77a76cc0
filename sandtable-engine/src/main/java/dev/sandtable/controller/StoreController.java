package dev.sandtable.controller;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.sim.Controller;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

/**
 * A controller of objects in the ObjectStore, queued by "namespace/name" keys as client-go's
 * cache.MetaNamespaceKeyFunc writes them (v0.31), with the glue the kube-controller-manager controllers share:
 * enqueueing the controller owner of a dependent (their Pod and ReplicaSet handlers' resolveControllerRef) and
 * getting back the object a key names.
 */
public abstract class StoreController extends Controller {
    protected final ObjectStore store;

    protected StoreController(ObjectStore store) {
        super(store.clock());
        this.store = store;
    }

    /** A queue key split into namespace and name (cache.SplitMetaNamespaceKey); a key without '/' has no namespace. */
    public record Key(String namespace, String name) {
        public static Key parse(String key) {
            int slash = key.indexOf('/');
            return slash < 0 ? new Key("", key) : new Key(key.substring(0, slash), key.substring(slash + 1));
        }
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    public static String key(HasMetadata o) {
        return key(o.getMetadata().getNamespace(), o.getMetadata().getName());
    }

    /** Enqueues the object's controller (the owner reference marked controller) when it is of the given kind. */
    protected final void enqueueController(HasMetadata dependent, String ownerKind) {
        OwnerReference ref = Pods.controllerOf(dependent);
        if (ref != null && ownerKind.equals(ref.getKind())) {
            enqueue(key(dependent.getMetadata().getNamespace(), ref.getName()));
        }
    }

    /** The object of the kind that a key names, or null once it is gone. */
    protected final <T extends HasMetadata> T get(Class<T> kind, String key) {
        Key k = Key.parse(key);
        return store.get(kind, k.namespace(), k.name()).orElse(null);
    }
}
