package dev.sandtable.autoscaler.config;

import dev.sandtable.api.SandtableResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sandtable's ClusterAutoscaler kind (sandtable.dev/v1alpha1): the platform's cluster-autoscaler 1.31 options, keyed
 * by the upstream flag names, plus per-pool overrides. The spec stays a map so every unknown key gets its own hint.
 */
@Group(SandtableResource.GROUP)
@Version(SandtableResource.VERSION)
@Kind(ClusterAutoscalerSettings.KIND)
public final class ClusterAutoscalerSettings extends SandtableResource<Map<String, Object>> {
    public static final String KIND = "ClusterAutoscaler";

    public ClusterAutoscalerSettings() {
        super(KIND, new LinkedHashMap<>());
    }

    @Override
    protected Map<String, Object> emptySpec() {
        return new LinkedHashMap<>();
    }
}
