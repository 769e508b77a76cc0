package dev.sandtable.scheduler.framework;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a cycle's per-node work into chunks run by the calling thread and helper threads, as kube-scheduler v1.31
 * framework/parallelize does with its goroutines (parallelism 16 by default). Chunks are claimed in index order and a
 * chunk may stop further claims, so every chunk up to the last one claimed is complete when {@link #until} returns:
 * callers read results in index order and get exactly what one thread would have computed. Whether helpers are used
 * is a matter of speed only, learned per kind of work from timings (see {@link Tuning}).
 */
public final class Parallelizer {
    /** kube-scheduler's default parallelism; Sandtable uses no more threads than the machine has cores. */
    public static final int DEFAULT_PARALLELISM = 16;
    /** Work on fewer pieces than this stays on the calling thread: handing it out would cost more than it saves. */
    static final int MIN_PARALLEL_PIECES = 128;

    /** Runs everything on the calling thread. */
    public static final Parallelizer SEQUENTIAL = new Parallelizer(1, true);

    private static Parallelizer shared;

    /** One set of helper threads for the process, one per spare core up to the default parallelism. */
    public static synchronized Parallelizer shared() {
        if (shared == null) {
            shared = new Parallelizer(Math.min(DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors()), true);
        }
        return shared;
    }

    /**
     * Work on pieces [from, to); returns false when no further chunk needs to run. When the calling thread runs alone,
     * it gets every piece as one chunk, in order: such a run may stop part way, as what it has done is a prefix.
     */
    @FunctionalInterface
    public interface Chunk {
        boolean run(int from, int to, boolean alone);
    }

    /**
     * Timings of one kind of work (a plugin phase), run alone and with helpers: the faster way is used, and the other
     * is retried now and then, as the JIT, the cluster and the cost of a piece change over a run.
     */
    public static final class Tuning {
        static final int EXPLORE_EVERY = 16;
        private static final double WEIGHT = 0.3;
        private static final double OUTLIER = 2;
        private double aloneNanos;
        private double helpedNanos;
        private int runs;

        boolean helpersNext() {
            runs++;
            if (aloneNanos == 0 || helpedNanos == 0) {
                return (runs & 1) == 0;
            }
            boolean helped = helpedNanos < aloneNanos;
            return runs % EXPLORE_EVERY == 0 ? !helped : helped;
        }

        // Whole runs are compared, not pieces: alone, a filter walk stops at the last node it needs.
        void record(boolean helped, long nanos) {
            if (helped) {
                helpedNanos = update(helpedNanos, nanos);
            } else {
                aloneNanos = update(aloneNanos, nanos);
            }
        }

        // A sample counts at most OUTLIER times the estimate: a collection or a descheduled thread in one cycle
        // would otherwise decide the way for hundreds of cycles.
        private static double update(double estimate, double sample) {
            if (estimate == 0) {
                return sample;
            }
            return estimate + WEIGHT * (Math.min(sample, OUTLIER * estimate) - estimate);
        }
    }

    private final Helper[] helpers;
    private final boolean tuned;
    private final ReentrantLock inUse = new ReentrantLock();

    /**
     * A parallelizer using the calling thread plus parallelism - 1 daemon helper threads; untuned, it hands out
     * every piece of work large enough, whatever the timings say.
     */
    public Parallelizer(int parallelism, boolean tuned) {
        this.tuned = tuned;
        helpers = new Helper[Math.max(0, parallelism - 1)];
        for (int i = 0; i < helpers.length; i++) {
            Thread t = new Thread(helpers[i] = new Helper(), "sandtable-scheduler-" + (i + 1));
            helpers[i].thread = t;
            t.setDaemon(true);
            t.start();
        }
    }

    public int parallelism() {
        return helpers.length + 1;
    }

    /**
     * Runs work over pieces [0, pieces) in chunks until every piece is done or a chunk returns false. The chunk
     * size follows upstream's chunkSizeFor: about the square root of the pieces, at most an even share per worker.
     */
    public void until(int pieces, Tuning tuning, Chunk work) {
        if (pieces <= 0) {
            return;
        }
        if (helpers.length == 0 || pieces < MIN_PARALLEL_PIECES) {
            work.run(0, pieces, true);
            return;
        }
        boolean helped = !tuned || tuning.helpersNext();
        long started = System.nanoTime();
        // Nested (from a chunk) or concurrent use (another simulation on another thread) runs alone rather than waiting.
        if (helped && !inUse.isHeldByCurrentThread() && inUse.tryLock()) {
            try {
                Job job = new Job(pieces, chunkSize(pieces, parallelism()), work);
                try {
                    for (Helper h : helpers) {
                        h.offer(job);
                    }
                    job.participate();
                } finally {
                    job.close();
                }
            } finally {
                inUse.unlock();
            }
        } else {
            helped = false;
            work.run(0, pieces, true);
        }
        tuning.record(helped, System.nanoTime() - started);
    }

    static int chunkSize(int pieces, int parallelism) {
        int sqrt = (int) Math.sqrt(pieces);
        int share = pieces / parallelism + 1;
        return Math.max(1, Math.min(sqrt, share));
    }

    private static final class Job {
        private final int pieces;
        private final int chunk;
        // Dropped on close, so that the job a helper remembers holds no cycle state.
        private Chunk work;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger participants = new AtomicInteger();
        private volatile boolean stopped;
        // The failure of the lowest chunk that failed: the one a single thread would have met first.
        private Throwable failure;
        private int failedAt = Integer.MAX_VALUE;

        Job(int pieces, int chunk, Chunk work) {
            this.pieces = pieces;
            this.chunk = chunk;
            this.work = work;
        }

        void participate() {
            participants.incrementAndGet();
            try {
                while (!stopped) {
                    int from = next.getAndAdd(chunk);
                    if (from >= pieces) {
                        return;
                    }
                    try {
                        if (!work.run(from, Math.min(pieces, from + chunk), false)) {
                            stopped = true;
                        }
                    } catch (Throwable t) {
                        stopped = true;
                        failed(from, t);
                        return;
                    }
                }
            } finally {
                participants.decrementAndGet();
            }
        }

        private synchronized void failed(int from, Throwable t) {
            if (from < failedAt) {
                failedAt = from;
                failure = t;
            }
        }

        /** Waits for helpers still in a chunk (one joining later sees stopped and runs none), then rethrows a failure. */
        void close() {
            stopped = true;
            while (participants.get() != 0) {
                Thread.onSpinWait();
            }
            work = null;
            Throwable t;
            synchronized (this) {
                t = failure;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static final class Helper implements Runnable {
        // Between cycles a helper keeps spinning this long, so a burst of cycles never waits for a thread to wake.
        private static final long SPIN_NANOS = 1_000_000;
        private volatile Job offered;
        private volatile boolean parked;
        private Thread thread;

        void offer(Job job) {
            offered = job;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            Job last = null;
            long idleSince = System.nanoTime();
            int spins = 0;
            while (true) {
                Job job = offered;
                if (job != last) {
                    last = job;
                    job.participate();
                    idleSince = System.nanoTime();
                } else if ((++spins & 0xff) != 0) {
                    Thread.onSpinWait();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    // Gives the core up to a runnable thread (a JIT compiler, say) without leaving the burst.
                    Thread.yield();
                } else {
                    parked = true;
                    if (offered == last) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    // Nothing interrupts helpers, but an interrupt left set would make park return at once, forever.
                    Thread.interrupted();
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
