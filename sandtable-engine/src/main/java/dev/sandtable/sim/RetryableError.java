package dev.sandtable.sim;

/**
 * An error a controller's reconcile returns to be retried later, as a kube-controller-manager sync handler's error
 * makes client-go's workqueue re-add the key rate-limited (v0.31); every other exception is a bug and escapes.
 */
public class RetryableError extends RuntimeException {
    public RetryableError(String message) {
        super(message);
    }
}
