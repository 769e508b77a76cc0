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
    private long executed;

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

    public Instant epoch() {
        return epoch;
    }

    /** Runs the action once the simulated delay has passed (zero: after what is already due now). */
    public void after(Duration delay, Runnable action) {
        at(nowMillis + Math.max(0, delay.toMillis()), action);
    }

    public void at(long atMillis, Runnable action) {
        queue.add(new Event(Math.max(atMillis, nowMillis), sequence++, action));
    }

    /** Runs every event due up to and including the end instant, then leaves the clock there. */
    public void runUntil(long endMillis) {
        while (!queue.isEmpty() && queue.peek().atMillis <= endMillis) {
            Event e = queue.poll();
            nowMillis = e.atMillis;
            executed++;
            e.action.run();
        }
        nowMillis = Math.max(nowMillis, endMillis);
    }

    public boolean idle() {
        return queue.isEmpty();
    }

    public long executedEvents() {
        return executed;
    }

    private record Event(long atMillis, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(atMillis, o.atMillis);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
