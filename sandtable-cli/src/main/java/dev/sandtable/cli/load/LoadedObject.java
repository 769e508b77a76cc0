package dev.sandtable.cli.load;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** An object read from the input, with where it was read from. */
public record LoadedObject(HasMetadata object, Location location) {
}
