package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A change to a stored object, as a watch on the API server delivers it. */
public record WatchEvent<T extends HasMetadata>(Type type, T object) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
