package dev.sandtable.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups a snapshot's pods by their top-level controller (as kubectl and the run report name workloads): sorted by
 * namespace, name and kind, with external endpoints last.
 */
public final class WorkloadView {
    private final List<Workload> workloads;
    private final int[] workloadOf;

    private WorkloadView(List<Workload> workloads, int endpoints) {
        this.workloads = List.copyOf(workloads);
        this.workloadOf = new int[endpoints];
        for (Workload w : workloads) {
            for (int e : w.endpoints()) {
                workloadOf[e] = w.index();
            }
        }
    }

    public static WorkloadView of(NetworkSnapshot snapshot) {
        Map<WorkloadKey, List<Integer>> endpoints = new LinkedHashMap<>();
        Map<WorkloadKey, Map<String, String>> labels = new LinkedHashMap<>();
        Map<WorkloadKey, Integer> pending = new LinkedHashMap<>();
        for (Endpoint e : snapshot.endpoints()) {
            endpoints.computeIfAbsent(e.workload(), k -> new ArrayList<>()).add(e.index());
            labels.putIfAbsent(e.workload(), e.labels());
        }
        for (NetworkSnapshot.PendingPod p : snapshot.pending()) {
            endpoints.computeIfAbsent(p.workload(), k -> new ArrayList<>());
            labels.putIfAbsent(p.workload(), p.labels());
            pending.merge(p.workload(), 1, Integer::sum);
        }
        List<WorkloadKey> keys = new ArrayList<>(endpoints.keySet());
        keys.sort(Comparator.comparing(WorkloadKey::isExternal).thenComparing(WorkloadKey::namespace)
                .thenComparing(WorkloadKey::name).thenComparing(WorkloadKey::kind));
        List<Workload> out = new ArrayList<>();
        for (WorkloadKey k : keys) {
            out.add(new Workload(out.size(), k, List.copyOf(endpoints.get(k)), labels.get(k), pending.getOrDefault(k, 0)));
        }
        return new WorkloadView(out, snapshot.size());
    }

    public List<Workload> workloads() {
        return workloads;
    }

    public Workload get(int index) {
        return workloads.get(index);
    }

    public int size() {
        return workloads.size();
    }

    /** The workload an endpoint belongs to. */
    public Workload of(int endpoint) {
        return workloads.get(workloadOf[endpoint]);
    }

    public Optional<Workload> find(WorkloadKey key) {
        return workloads.stream().filter(w -> w.key().equals(key)).findFirst();
    }

    /** The external endpoint that stands for the internet, when the snapshot has it. */
    public Optional<Workload> world() {
        return find(new WorkloadKey(WorkloadKey.EXTERNAL, "", NetworkSnapshot.WORLD));
    }
}
