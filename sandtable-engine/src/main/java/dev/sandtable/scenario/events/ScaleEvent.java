package dev.sandtable.scenario.events;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.ScenarioRuntime;
import dev.sandtable.scenario.WorkloadRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** scale: sets a Deployment's or StatefulSet's spec.replicas, as kubectl scale does. */
public record ScaleEvent(WorkloadRef workload, int replicas) implements ScenarioEvent {

    @Override
    public void apply(ScenarioRuntime runtime) {
        var store = runtime.simulation().store();
        switch (workload.kind()) {
            case "Deployment" -> store.get(Deployment.class, workload.namespace(), workload.name()).ifPresent(d -> {
                d.getSpec().setReplicas(replicas);
                store.update(d);
            });
            case "StatefulSet" -> store.get(StatefulSet.class, workload.namespace(), workload.name()).ifPresent(s -> {
                s.getSpec().setReplicas(replicas);
                store.update(s);
            });
            default -> {
            }
        }
        runtime.log(describe());
    }

    @Override
    public String describe() {
        return "scale " + workload.kind() + " " + workload.id() + " to " + replicas;
    }

    /** The scale event type. */
    public static final class Type implements EventType {
        @Override
        public String key() {
            return "scale";
        }

        @Override
        public ScenarioEvent parse(Object value, ParseContext ctx, String path) {
            if (!(value instanceof Map<?, ?> m)) {
                ctx.error(path, "scale needs workload and replicas", "e.g. scale: {workload: shop/api, replicas: 4}");
                return null;
            }
            var w = ctx.workload(m.get("workload"), path + ".workload");
            Double r = ctx.number(m.get("replicas"), path + ".replicas", 0);
            if (w.isPresent() && "DaemonSet".equals(w.get().kind())) {
                ctx.error(path + ".workload", "a DaemonSet cannot be scaled", "scale a Deployment or StatefulSet");
                return null;
            }
            return w.isPresent() && r != null ? new ScaleEvent(w.get(), r.intValue()) : null;
        }
    }
}
