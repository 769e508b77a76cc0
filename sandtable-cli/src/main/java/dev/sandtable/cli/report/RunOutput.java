package dev.sandtable.cli.report;

import dev.sandtable.report.ClusterReport;
import java.util.Map;

/** Everything sandtable run prints, as data: the cluster report plus the custom resources kept but not simulated. */
public record RunOutput(String version, ClusterReport report, Map<String, Integer> notSimulated) {
}
