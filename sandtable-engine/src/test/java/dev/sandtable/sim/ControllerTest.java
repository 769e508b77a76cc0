package dev.sandtable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerTest {
    /** Fails with the given error on its first failures reconciles of a key, then succeeds. */
    private static final class Flaky extends Controller {
        final List<Long> attempts = new ArrayList<>();
        int failures;
        RuntimeException error = new RetryableError("conflict");

        Flaky(SimClock clock, int failures) {
            super(clock);
            this.failures = failures;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        protected void reconcile(String key) {
            attempts.add(clock.nowMillis());
            if (failures-- > 0) {
                throw error;
            }
        }

        void add(String key) {
            enqueue(key);
        }
    }

    @Test
    void aRetryableErrorRequeuesTheKeyLaterWithAGrowingDelayUntilItSucceeds() {
        SimClock clock = new SimClock();
        Flaky c = new Flaky(clock, 4);
        c.add("ns/a");
        clock.runUntil(Duration.ofMinutes(1).toMillis());
        assertThat(c.attempts).hasSize(5);
        for (int i = 2; i < c.attempts.size(); i++) {
            assertThat(c.attempts.get(i) - c.attempts.get(i - 1)).isGreaterThan(c.attempts.get(i - 1) - c.attempts.get(i - 2));
        }
    }

    @Test
    void aSuccessForgetsTheFailuresSoTheNextRetryIsQuickAgain() {
        SimClock clock = new SimClock();
        Flaky c = new Flaky(clock, 3);
        c.add("ns/a");
        clock.runUntil(Duration.ofMinutes(1).toMillis());
        long firstRetryGap = c.attempts.get(1) - c.attempts.get(0);
        c.failures = 1;
        c.attempts.clear();
        c.add("ns/a");
        clock.runUntil(Duration.ofMinutes(2).toMillis());
        assertThat(c.attempts).hasSize(2);
        assertThat(c.attempts.get(1) - c.attempts.get(0)).isEqualTo(firstRetryGap);
    }

    @Test
    void anyOtherExceptionIsABugAndEscapes() {
        SimClock clock = new SimClock();
        Flaky c = new Flaky(clock, 1);
        c.error = new IllegalStateException("bug");
        c.add("ns/a");
        assertThatThrownBy(() -> clock.runUntil(1000)).isInstanceOf(IllegalStateException.class);
    }
}
