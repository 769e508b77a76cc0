package dev.sandtable.scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * kube-scheduler v1.31 PriorityQueue: an active queue ordered by priority then arrival, per-pod
 * exponential backoff (1 s doubling to 10 s) and an unschedulable pool that cluster events flush.
 */
final class SchedulingQueue {
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_IN_UNSCHEDULABLE = Duration.ofMinutes(5);

    private final TreeSet<Entry> active = new TreeSet<>();
    private final Map<String, Entry> activeByKey = new HashMap<>();
    private final Map<String, Unschedulable> unschedulable = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private long arrivals;

    /** Adds or refreshes a pod in the active queue. */
    void add(String key, int priority) {
        unschedulable.remove(key);
        if (!activeByKey.containsKey(key)) {
            Entry e = new Entry(key, priority, arrivals++);
            active.add(e);
            activeByKey.put(key, e);
        }
    }

    String pop() {
        Entry e = active.pollFirst();
        if (e == null) {
            return null;
        }
        activeByKey.remove(e.key);
        attempts.merge(e.key, 1, Integer::sum);
        return e.key;
    }

    boolean hasActive() {
        return !active.isEmpty();
    }

    void markUnschedulable(String key, int priority, long nowMillis) {
        unschedulable.put(key, new Unschedulable(priority, nowMillis));
    }

    /** The pod is gone or bound: forget it entirely. */
    void done(String key) {
        Entry e = activeByKey.remove(key);
        if (e != null) {
            active.remove(e);
        }
        unschedulable.remove(key);
        attempts.remove(key);
    }

    /** Instant a pod that failed may be retried: last attempt plus its backoff. */
    long readyAt(String key) {
        Unschedulable u = unschedulable.get(key);
        return u == null ? 0 : u.lastAttemptMillis + backoff(attempts.getOrDefault(key, 1)).toMillis();
    }

    static Duration backoff(int attempts) {
        long ms = INITIAL_BACKOFF.toMillis();
        for (int i = 1; i < attempts && ms < MAX_BACKOFF.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
    }

    /** Unschedulable pod keys with their priority, for a cluster event that may help them. */
    Map<String, Integer> unschedulablePods() {
        Map<String, Integer> out = new HashMap<>();
        unschedulable.forEach((k, u) -> out.put(k, u.priority));
        return out;
    }

    /** Pods that have waited in the unschedulable pool longer than the flush interval. */
    Iterator<Map.Entry<String, Unschedulable>> unschedulableEntries() {
        return unschedulable.entrySet().iterator();
    }

    boolean hasUnschedulable() {
        return !unschedulable.isEmpty();
    }

    record Unschedulable(int priority, long lastAttemptMillis) {
    }

    private record Entry(String key, int priority, long arrival) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Integer.compare(o.priority, priority);
            return c != 0 ? c : Long.compare(arrival, o.arrival);
        }
    }
}
