package dev.sandtable.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingByWorkloadTest {
    private static ClusterReport.PendingPod pod(String name, String reason) {
        return new ClusterReport.PendingPod("shop", name, "Deployment web", reason, null);
    }

    @Test
    void aWorkloadsPodsAreCountedPerDistinctMessageMostCommonFirstInWorkloadTableOrder() {
        List<ClusterReport.PendingPod> pending = List.of(pod("api-1", "no port"), pod("web-1", "no cpu"), pod("web-2", "no taint"),
                pod("web-3", "no taint"), pod("web-4", "no cpu"), pod("web-5", "no taint"));
        Map<String, String> workloadOf = Map.of("shop/api-1", "Deployment shop/api", "shop/web-1", "Deployment shop/web",
                "shop/web-2", "Deployment shop/web", "shop/web-3", "Deployment shop/web", "shop/web-4", "Deployment shop/web",
                "shop/web-5", "Deployment shop/web");

        List<ClusterReport.PendingWorkload> groups = ClusterReports.byWorkload(pending, workloadOf,
                List.of("Deployment shop/web", "Deployment shop/api"));

        assertThat(groups).containsExactly(
                new ClusterReport.PendingWorkload("Deployment shop/web", 5, List.of(
                        new ClusterReport.PendingReason("no taint", 3, "shop/web-2"),
                        new ClusterReport.PendingReason("no cpu", 2, "shop/web-1"))),
                new ClusterReport.PendingWorkload("Deployment shop/api", 1, List.of(new ClusterReport.PendingReason("no port", 1, "shop/api-1"))));
    }
}
