package dev.sandtable.scenario;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records how long each pod waited between creation and binding (or the end of the run, or its deletion). */
public final class PendingTracker {
    private final Map<String, Long> waitingSince = new LinkedHashMap<>();
    private final List<Wait> waits = new ArrayList<>();
    private final ObjectStore store;

    /** One wait: the pod, when it started and how long it lasted; ongoing when the run ended first. */
    public record Wait(String pod, long fromMillis, long millis, boolean ongoing) {
    }

    public PendingTracker(ObjectStore store) {
        this.store = store;
        store.watch(Pod.class, this::onPod);
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod p = e.object();
        String key = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
        long now = store.clock().nowMillis();
        boolean bound = p.getSpec().getNodeName() != null;
        if (e.type() == WatchEvent.Type.ADDED && !bound) {
            waitingSince.put(key, now);
        } else if (bound || e.type() == WatchEvent.Type.DELETED) {
            Long since = waitingSince.remove(key);
            if (since != null) {
                waits.add(new Wait(key, since, now - since, false));
            }
        }
    }

    private long startMillis;

    /** Makes later reports relative to the scenario's time 0; waits that began before it count from it. */
    public void startAt(long millis) {
        this.startMillis = millis;
    }

    /** Every wait in scenario time, the ones still going counted up to the given offset. */
    public List<Wait> waits(long endOffsetMillis) {
        List<Wait> all = new ArrayList<>();
        for (Wait w : waits) {
            long end = w.fromMillis() + w.millis();
            if (end >= startMillis) {
                long from = Math.max(w.fromMillis(), startMillis);
                all.add(new Wait(w.pod(), from - startMillis, end - from, false));
            }
        }
        waitingSince.forEach((pod, since) -> {
            long from = Math.max(since, startMillis) - startMillis;
            all.add(new Wait(pod, from, endOffsetMillis - from, true));
        });
        return all;
    }
}
