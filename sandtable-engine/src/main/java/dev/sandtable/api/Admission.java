package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A mutating admission step the API server runs on create, before the object is stored. */
@FunctionalInterface
public interface Admission {
    void admit(HasMetadata object, ObjectStore store);
}
