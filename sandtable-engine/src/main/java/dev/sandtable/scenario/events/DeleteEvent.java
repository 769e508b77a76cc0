package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.ScenarioRuntime;
import dev.sandtable.scenario.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** delete: deletes a workload, its pods going with it through owner references, as kubectl delete does. */
public record DeleteEvent(WorkloadRef workload) implements ScenarioEvent {

    @Override
    public void apply(ScenarioRuntime runtime) {
        var store = runtime.simulation().store();
        Class<? extends HasMetadata> kind = switch (workload.kind()) {
            case "Deployment" -> Deployment.class;
            case "StatefulSet" -> StatefulSet.class;
            default -> DaemonSet.class;
        };
        store.get(kind, workload.namespace(), workload.name()).ifPresent(store::delete);
        runtime.log(describe());
    }

    @Override
    public String describe() {
        return "delete " + workload.kind() + " " + workload.id();
    }

    /** The delete event type. */
    public static final class Type implements EventType {
        @Override
        public String key() {
            return "delete";
        }

        @Override
        public ScenarioEvent parse(Object value, ParseContext ctx, String path) {
            Object ref = value instanceof Map<?, ?> m ? m.get("workload") : value;
            return ctx.workload(ref, path + (value instanceof Map ? ".workload" : "")).map(DeleteEvent::new).orElse(null);
        }
    }
}
