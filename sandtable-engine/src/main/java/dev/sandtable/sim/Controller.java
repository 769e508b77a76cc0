package dev.sandtable.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * A reconcile loop with a de-duplicating work queue, as client-go's workqueue drives
 * kube-controller-manager controllers (v1.31): watch events enqueue keys, the loop reconciles them.
 */
public abstract class Controller {
    protected final SimClock clock;
    /** client-go's default per-item rate limiter: 5 ms doubling per failure, at most 1000 s. */
    static final Duration BASE_RETRY_DELAY = Duration.ofMillis(5);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(1000);

    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private boolean scheduled;

    protected Controller(SimClock clock) {
        this.clock = clock;
    }

    public abstract String name();

    /** Brings the object named by the key towards its desired state; must be idempotent. */
    protected abstract void reconcile(String key);

    protected final void enqueue(String key) {
        queue.add(key);
        if (!scheduled) {
            scheduled = true;
            clock.after(Duration.ZERO, this::drain);
        }
    }

    protected final void enqueueAfter(Duration delay, String key) {
        clock.after(delay, () -> enqueue(key));
    }

    private void drain() {
        scheduled = false;
        while (!queue.isEmpty()) {
            Iterator<String> it = queue.iterator();
            String key = it.next();
            it.remove();
            try {
                reconcile(key);
                failures.remove(key);
            } catch (RetryableError e) {
                enqueueAfter(retryDelay(key), key);
            }
        }
    }

    /** The rate-limited delay before a failed key is tried again (AddRateLimited), growing with its failures. */
    private Duration retryDelay(String key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        long millis = BASE_RETRY_DELAY.toMillis() << Math.min(n, 30);
        return millis >= MAX_RETRY_DELAY.toMillis() ? MAX_RETRY_DELAY : Duration.ofMillis(millis);
    }
}
