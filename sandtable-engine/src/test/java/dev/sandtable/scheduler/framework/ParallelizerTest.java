package dev.sandtable.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parallelizer runs each piece once, and a stopped run leaves a complete prefix, as callers that read in order need. */
class ParallelizerTest {
    private static final Parallelizer HELPED = new Parallelizer(3, false);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyPieceRunsExactlyOnce(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            int pieces = random.nextInt(2000);
            AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, pieces));
            HELPED.until(pieces, new Parallelizer.Tuning(), (from, to, alone) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
                return true;
            });
            for (int i = 0; i < pieces; i++) {
                assertThat(runs.get(i)).as("piece %d of %d", i, pieces).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aStoppedRunHasRunEveryPieceUpToTheStoppingOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            int pieces = 128 + random.nextInt(2000);
            int stopAt = random.nextInt(pieces);
            AtomicIntegerArray runs = new AtomicIntegerArray(pieces);
            HELPED.until(pieces, new Parallelizer.Tuning(), (from, to, alone) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
                return !(from <= stopAt && stopAt < to);
            });
            for (int i = 0; i <= stopAt; i++) {
                assertThat(runs.get(i)).as("piece %d, stopped at %d of %d", i, stopAt, pieces).isEqualTo(1);
            }
        }
    }

    @Test
    void theFailureOfTheLowestFailingChunkReachesTheCallerAsItself() {
        StackOverflowError deep = new StackOverflowError("deep");
        for (int round = 0; round < 50; round++) {
            assertThatThrownBy(() -> HELPED.until(1000, new Parallelizer.Tuning(), (from, to, alone) -> {
                if (from >= 300 && from < 400) {
                    throw deep;
                }
                if (from >= 400) {
                    throw new IllegalStateException("later chunk");
                }
                return true;
            })).isSameAs(deep);
        }
    }

    @Test
    void aRunStartedFromInsideAChunkRunsAlone() {
        List<Boolean> inner = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.currentThread();
        HELPED.until(1000, new Parallelizer.Tuning(), (from, to, alone) -> {
            if (Thread.currentThread() != caller) {
                // Slow helpers, so that the calling thread surely runs some chunks itself.
                LockSupport.parkNanos(2_000_000);
            } else if (inner.isEmpty()) {
                HELPED.until(500, new Parallelizer.Tuning(), (f, t, innerAlone) -> {
                    inner.add(innerAlone);
                    return true;
                });
            }
            return true;
        });
        assertThat(inner).containsExactly(true);
    }

    @Test
    void aFailureOnAnyThreadReachesTheCaller() {
        assertThatThrownBy(() -> HELPED.until(1000, new Parallelizer.Tuning(), (from, to, alone) -> {
            if (from > 500) {
                throw new IllegalStateException("piece " + from);
            }
            return true;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(HELPED.parallelism()).isEqualTo(3);
    }

    @Test
    void tuningUsesTheFasterWayAndStillTriesTheOtherNowAndThen() {
        Parallelizer.Tuning tuning = new Parallelizer.Tuning();
        tuning.record(false, 1_000);
        tuning.record(true, 5_000);
        int helped = 0;
        for (int i = 0; i < 320; i++) {
            helped += tuning.helpersNext() ? 1 : 0;
        }
        assertThat(helped).isEqualTo(320 / Parallelizer.Tuning.EXPLORE_EVERY);
    }

    @Test
    void oneSlowRunDoesNotDecideTheWayForLong() {
        Parallelizer.Tuning tuning = new Parallelizer.Tuning();
        tuning.record(false, 2_000);
        tuning.record(true, 1_000);
        tuning.record(true, 50_000_000);
        tuning.record(true, 1_000);
        tuning.record(true, 1_000);
        assertThat(tuning.helpersNext()).isTrue();
    }

    @Test
    void aloneTheCallingThreadGetsEveryPieceAsOneChunkInOrder() {
        List<String> calls = new ArrayList<>();
        Parallelizer.SEQUENTIAL.until(1000, new Parallelizer.Tuning(), (from, to, alone) -> {
            calls.add(from + "-" + to + " " + alone);
            return true;
        });
        assertThat(calls).containsExactly("0-1000 true");
    }

    @Test
    void chunksAreAboutTheSquareRootOfThePiecesAndNeverMoreThanAShare() {
        assertThat(Parallelizer.chunkSize(10_000, 2)).isEqualTo(100);
        assertThat(Parallelizer.chunkSize(10, 16)).isEqualTo(1);
        assertThat(Parallelizer.chunkSize(1, 2)).isEqualTo(1);
    }
}
