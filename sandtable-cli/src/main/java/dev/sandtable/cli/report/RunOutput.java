package dev.sandtable.cli.report;

import dev.sandtable.report.ClusterReport;
import dev.sandtable.scheduler.framework.Explanation;
import java.util.List;
import java.util.Map;

/** Everything sandtable run prints, as data: the cluster report, the custom resources kept but not simulated, and why each pending pod is pending. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record RunOutput(String version, ClusterReport report, Map<String, Integer> notSimulated, List<Explanation> pendingExplanations,
                        dev.sandtable.report.AutoscalerReport autoscaler) {
}
