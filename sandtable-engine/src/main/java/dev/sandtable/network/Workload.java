package dev.sandtable.network;

import java.util.List;
import java.util.Map;

/** The pods of one top-level controller grouped, as the workload-level view shows them; pending pods have no IP yet. */
public record Workload(int index, WorkloadKey key, List<Integer> endpoints, Map<String, String> labels, int pendingPods) {

    public boolean running() {
        return !endpoints.isEmpty();
    }

    public boolean isExternal() {
        return key.isExternal();
    }
}
