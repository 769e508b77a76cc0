package dev.sandtable.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Scenario spec as users write it. Durations are Go-style strings (90s, 10m, 1h30m); events and expectations
 * are one-key mappings read by their registered types, so new kinds of either need no change here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioSpec(
        String duration,
        Long seed,
        String startTime,
        String warmup,
        String resolution,
        List<LoadSpec> load,
        List<Map<String, Object>> events,
        List<Map<String, Object>> expectations,
        List<ExternalMetricSpec> externalMetrics) {

    public static final ScenarioSpec EMPTY = new ScenarioSpec(null, null, null, null, null, null, null, null, null);

    /** An external metric series the HPA can read: its value follows load profiles or copies a recorded series. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExternalMetricSpec(String name, Map<String, String> labels, List<Map<String, Object>> profile, String series) {
    }

    /** Load on one Service or workload: profiles added together, and how its pods use resources. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoadSpec(String service, String workload, List<Map<String, Object>> profile, UsageSpec usage) {
    }

    /** The usage model of the pods serving the load; every field has a documented default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UsageSpec(String cpuPerRequest, String cpuBase, String memoryBase, String memoryPerRequest,
                            List<CustomMetricSpec> customMetrics) {
    }

    /** A per-pod custom metric worth perRequest times the requests per second the pod serves. */
    public record CustomMetricSpec(String name, Double perRequest) {
    }
}
