package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.ScenarioRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** apply: creates the objects of a manifest file or folder next to the scenario, or replaces those that exist, as kubectl apply. */
public record ApplyEvent(String file, List<HasMetadata> objects) implements ScenarioEvent {

    @Override
    public void apply(ScenarioRuntime runtime) {
        var store = runtime.simulation().store();
        List<HasMetadata> fresh = new ArrayList<>();
        for (HasMetadata o : objects) {
            var existing = store.find(o);
            if (existing.isPresent()) {
                HasMetadata current = existing.get();
                o.getMetadata().setUid(current.getMetadata().getUid());
                o.getMetadata().setGeneration(current.getMetadata().getGeneration());
                o.getMetadata().setCreationTimestamp(current.getMetadata().getCreationTimestamp());
                o.getMetadata().setNamespace(current.getMetadata().getNamespace());
                store.update(o);
            } else {
                fresh.add(o);
            }
        }
        runtime.simulation().apply(fresh);
        runtime.log(describe());
    }

    @Override
    public String describe() {
        return "apply " + file + " (" + objects.size() + " objects)";
    }

    /** The apply event type. */
    public static final class Type implements EventType {
        @Override
        public String key() {
            return "apply";
        }

        @Override
        public ScenarioEvent parse(Object value, ParseContext ctx, String path) {
            Object file = value instanceof Map<?, ?> m ? m.get("file") : value;
            if (file == null) {
                ctx.error(path, "apply needs a file", "e.g. apply: {file: v2/deployment.yaml}");
                return null;
            }
            try {
                return new ApplyEvent(ctx.files().display(file.toString()), ctx.files().manifests(file.toString()));
            } catch (IllegalArgumentException e) {
                ctx.error(path + ".file", e.getMessage(), "give a manifest file or folder relative to the scenario file");
                return null;
            }
        }
    }
}
