package dev.sandtable.api;

/** A problem with one field of an object: where (a JSON path such as spec.replicas), what, and how to fix it. */
public record FieldError(String path, String message, String hint) {
}
