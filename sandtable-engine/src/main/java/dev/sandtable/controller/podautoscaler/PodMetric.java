package dev.sandtable.controller.podautoscaler;

/**
 * One pod's metric sample as the HPA's metrics client (pkg/controller/podautoscaler/metrics, v1.31) hands it to the
 * replica calculator: the value in milli-units, and when and over which window it was measured.
 */
public record PodMetric(long value, long timestampMillis, long windowMillis) {
}
