package dev.sandtable.metrics;

import java.util.List;

/**
 * How a pod of a workload turns requests into resource use: CPU per request per second plus a base, memory
 * as a base plus an amount per request per second, and the custom metrics it exposes per pod.
 */
public record UsageModel(double cpuMillisPerRps, double cpuBaseMillis, long memoryBaseBytes, boolean memoryBaseFromRequest,
                         double memoryBytesPerRps, List<CustomMetric> customMetrics) {

    /** A per-pod metric worth perRps times the requests per second the pod serves. */
    public record CustomMetric(String name, double perRps) {
    }

    public static final String HTTP_REQUESTS_PER_SECOND = "http_requests_per_second";

    /** Defaults: 1 millicore per request/s (1,000 requests/s per core), 5m base, memory at the pod's request, 1 custom metric. */
    public static final UsageModel DEFAULT = new UsageModel(1, 5, 0, true, 0, List.of(new CustomMetric(HTTP_REQUESTS_PER_SECOND, 1)));
}
