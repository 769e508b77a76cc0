package dev.sandtable.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Files a scenario names (CSV traces, manifests to apply), read by the caller: the engine does not touch files. */
public interface ScenarioFiles {
    /** The lines of a text file next to the scenario; throws IllegalArgumentException with a one-line reason. */
    List<String> lines(String file);

    /** The objects of a manifest file or folder next to the scenario; throws IllegalArgumentException with a one-line reason. */
    List<HasMetadata> manifests(String file);

    /** A display name for a file (the path as the user would see it). */
    String display(String file);

    /** For scenarios that name no files. */
    ScenarioFiles NONE = new ScenarioFiles() {
        @Override
        public List<String> lines(String file) {
            throw new IllegalArgumentException("no files can be read here");
        }

        @Override
        public List<HasMetadata> manifests(String file) {
            throw new IllegalArgumentException("no files can be read here");
        }

        @Override
        public String display(String file) {
            return file;
        }
    };
}
