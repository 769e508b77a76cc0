package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending pods are reported per workload: one entry with a count, each scheduler message once. */
class PendingPodsTest {
    private static final String MESSAGE = "0/2 nodes are available: 2 Insufficient cpu.";

    private static Path platform(Path dir) throws Exception {
        Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: general}
                spec: {provider: aks, instanceType: Standard_B2ps_v2, initialCount: 2, zones: [eastus-1]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: workers, namespace: default}
                spec:
                  replicas: 40
                  selector: {matchLabels: {app: workers}}
                  template:
                    metadata: {labels: {app: workers}}
                    spec:
                      containers: [{name: w, image: busybox, resources: {requests: {cpu: "1"}}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: lonely, namespace: default}
                spec:
                  nodeSelector: {disk: ssd}
                  containers: [{name: c, image: busybox}]
                """);
        return dir;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void podsOfOneDeploymentPendingForTheSameReasonAreOneEntryWithACountAndTheMessageOnce(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("run", platform(dir).toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("PENDING PODS (39)\n").contains("Deployment default/workers: 38 pods pending\n")
                .contains(", one of the 38:\n").contains("Pod default/lonely: pending\n");
        assertThat(occurrences(r.out(), MESSAGE)).isEqualTo(1);
        assertThat(occurrences(r.out(), "Filters:")).isEqualTo(2);
        assertThat(occurrences(r.out(), "by its first failing filter")).isEqualTo(1);
    }

    @Test
    void scheduleGroupsTheUnschedulablePodsTheSameWay(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("schedule", platform(dir).toString());

        assertThat(r.out()).contains("UNSCHEDULABLE (39)\nPod default/lonely: pending\n").contains("Deployment default/workers: 38 pods pending\n");
        assertThat(occurrences(r.out(), MESSAGE)).isEqualTo(1);
        assertThat(r.out()).containsPattern("default/workers-[a-z0-9]+-[a-z0-9]+ -> aks-general-");
    }

    @Test
    void jsonKeepsEveryPendingPodAndAddsTheGroups(@TempDir Path dir) throws Exception {
        JsonNode report = new ObjectMapper().readTree(Cli.run("run", platform(dir).toString(), "-o", "json").out()).get("report");

        assertThat(report.get("pending")).hasSize(39);
        JsonNode groups = report.get("pendingByWorkload");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("workload").asText()).isEqualTo("Deployment default/workers");
        assertThat(groups.get(0).get("pods").asInt()).isEqualTo(38);
        assertThat(groups.get(0).get("reasons").get(0).get("message").asText()).startsWith(MESSAGE);
        assertThat(groups.get(1).get("workload").asText()).isEqualTo("Pod default/lonely");
    }
}
