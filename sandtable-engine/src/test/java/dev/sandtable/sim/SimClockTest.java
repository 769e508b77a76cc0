package dev.sandtable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimClockTest {

    @Test
    void eventsRunInTimeOrderAndSameInstantEventsInSchedulingOrder() {
        SimClock clock = new SimClock();
        List<String> log = new ArrayList<>();
        clock.after(Duration.ofSeconds(5), () -> log.add("b@" + clock.nowMillis()));
        clock.after(Duration.ofSeconds(1), () -> log.add("a@" + clock.nowMillis()));
        clock.after(Duration.ofSeconds(5), () -> log.add("c@" + clock.nowMillis()));
        clock.runUntil(10_000);
        assertThat(log).containsExactly("a@1000", "b@5000", "c@5000");
        assertThat(clock.nowMillis()).isEqualTo(10_000);
    }

    @Test
    void eventsBeyondTheEndStayQueuedForTheNextRun() {
        SimClock clock = new SimClock();
        List<Long> seen = new ArrayList<>();
        clock.after(Duration.ofMinutes(2), () -> seen.add(clock.nowMillis()));
        clock.runUntil(60_000);
        assertThat(seen).isEmpty();
        clock.runUntil(180_000);
        assertThat(seen).containsExactly(120_000L);
    }

    @Test
    void anEventScheduledWhileRunningAtZeroDelayRunsAtTheSameInstant() {
        SimClock clock = new SimClock();
        List<Long> seen = new ArrayList<>();
        clock.after(Duration.ofSeconds(3), () -> clock.after(Duration.ZERO, () -> seen.add(clock.nowMillis())));
        clock.runUntil(3_000);
        assertThat(seen).containsExactly(3_000L);
    }

    @Test
    void theSameSeedDrawsTheSameNamesAndUids() {
        SeededRandom a = new SeededRandom(42);
        SeededRandom b = new SeededRandom(42);
        assertThat(a.nameSuffix(5)).isEqualTo(b.nameSuffix(5)).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(a.uuid()).isEqualTo(b.uuid());
        assertThat(new SeededRandom(43).nameSuffix(8)).isNotEqualTo(new SeededRandom(42).nameSuffix(8));
    }
}
