package dev.sandtable.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Discrete-event simulated clock: the only source of time in Sandtable. Events at the same
 * instant run in the order they were scheduled, so a run is reproducible.
 */
public final class SimClock {
    /** The default instant a simulation starts at when a scenario does not say. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Instant epoch;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long nowMillis;
    private long sequence;
    private int foregroundPending;

    public SimClock(Instant epoch) {
        this.epoch = epoch;
    }

    public SimClock() {
        this(DEFAULT_EPOCH);
    }

    public long nowMillis() {
        return nowMillis;
    }

    public Instant now() {
        return epoch.plusMillis(nowMillis);
    }

    private long stampedAt = -1;
    private String stamp;

    /** The current instant as Kubernetes writes timestamps (RFC 3339), formatted once per simulated instant. */
    public String timestamp() {
        if (stampedAt != nowMillis) {
            stamp = java.time.format.DateTimeFormatter.ISO_INSTANT.format(now());
            stampedAt = nowMillis;
        }
        return stamp;
    }

    public Instant epoch() {
        return epoch;
    }

    /** Runs the action once the simulated delay has passed (zero: after what is already due now). */
    public void after(Duration delay, Runnable action) {
        at(nowMillis + Math.max(0, delay.toMillis()), action);
    }

    public void at(long atMillis, Runnable action) {
        queue.add(new Event(Math.max(atMillis, nowMillis), sequence++, action, false));
        foregroundPending++;
    }

    /** Schedules housekeeping (periodic resyncs, retries) that does not by itself keep the cluster from being settled. */
    public void afterInBackground(Duration delay, Runnable action) {
        atInBackground(nowMillis + Math.max(0, delay.toMillis()), action);
    }

    public void atInBackground(long atMillis, Runnable action) {
        queue.add(new Event(Math.max(atMillis, nowMillis), sequence++, action, true));
    }

    /**
     * Runs events until only background housekeeping is left, or the limit is reached; returns whether the
     * cluster settled. The clock stays at the last event run.
     */
    public boolean runUntilSettled(long limitMillis) {
        while (foregroundPending > 0 && !queue.isEmpty() && queue.peek().atMillis <= limitMillis) {
            runNext();
        }
        return foregroundPending == 0;
    }

    /** Runs every event due up to and including the end instant, then leaves the clock there. */
    public void runUntil(long endMillis) {
        while (!queue.isEmpty() && queue.peek().atMillis <= endMillis) {
            runNext();
        }
        nowMillis = Math.max(nowMillis, endMillis);
    }

    private long executed;
    private Runnable observer;
    private int observeEvery;

    /** Runs the observer after every so many events (for a progress display); it must not schedule anything. */
    public void observe(int everyEvents, Runnable observer) {
        this.observeEvery = Math.max(1, everyEvents);
        this.observer = observer;
    }

    private void runNext() {
        Event e = queue.poll();
        nowMillis = e.atMillis;
        executed++;
        if (observer != null && executed % observeEvery == 0) {
            observer.run();
        }
        if (!e.background) {
            foregroundPending--;
        }
        e.action.run();
    }

    private record Event(long atMillis, long seq, Runnable action, boolean background) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(atMillis, o.atMillis);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
