package dev.sandtable.sim;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * A reconcile loop with a de-duplicating work queue, as client-go's workqueue drives
 * kube-controller-manager controllers (v1.31): watch events enqueue keys, the loop reconciles them.
 */
public abstract class Controller {
    protected final SimClock clock;
    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
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
            reconcile(key);
        }
    }
}
