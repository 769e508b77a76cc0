package dev.sandtable.controller.podautoscaler;

/** A metric the HPA asked for could not be fetched or used; the message is the one upstream's controller reports. */
public final class MetricsUnavailableException extends RuntimeException {
    public MetricsUnavailableException(String message) {
        super(message);
    }
}
