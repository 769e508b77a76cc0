package dev.sandtable.scenario;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.report.ClusterReports;
import dev.sandtable.sim.GoDurations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The containers the kernel killed for going over their memory limit during a scenario, per workload: each kill is
 * a restart after a CrashLoopBackOff delay. The first kill of a workload goes to the event log, the totals to the figures.
 */
final class OomKills {
    private final ObjectStore store;
    private final Map<String, Workload> byWorkload = new TreeMap<>();

    private static final class Workload {
        int kills;
        final Set<String> pods = new HashSet<>();
        long firstMillis;
        Duration longestBackOff = Duration.ZERO;
    }

    OomKills(ObjectStore store) {
        this.store = store;
    }

    /** Records a kill at the scenario offset, with the back-off the kubelet applies before the restart. */
    void killed(Pod pod, Duration backOff, long offsetMillis, List<String> log) {
        HasMetadata owner = ClusterReports.topOwner(store, pod);
        String pod1 = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        String id = owner == null ? "pod[" + pod1 + "]" : "workload[" + owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName() + "]";
        Workload w = byWorkload.computeIfAbsent(id, k -> new Workload());
        if (w.kills == 0) {
            w.firstMillis = offsetMillis;
            log.add(GoDurations.clock(offsetMillis) + " OOMKilled " + pod1 + ": over its memory limit; restarted after a CrashLoopBackOff of "
                    + GoDurations.format(backOff) + (owner == null ? "" : " (later kills of " + id + " are counted in the figures)"));
        }
        w.kills++;
        w.pods.add(pod1);
        if (backOff.compareTo(w.longestBackOff) > 0) {
            w.longestBackOff = backOff;
        }
    }

    /** One figure per workload that had a container killed: kills (each a restart), pods, first instant, longest back-off. */
    List<ScenarioResult.Figure> figures() {
        List<ScenarioResult.Figure> out = new ArrayList<>();
        byWorkload.forEach((id, w) -> out.add(new ScenarioResult.Figure(id + " OOM kills",
                w.kills + " in " + w.pods.size() + (w.pods.size() == 1 ? " pod" : " pods") + ", first at " + GoDurations.clock(w.firstMillis)
                        + "; each a restart after CrashLoopBackOff (up to " + GoDurations.format(w.longestBackOff) + ")")));
        return out;
    }
}
