package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reach on manifests without nodes, and on a platform where only some workloads run: templates stand for what does not run. */
class ReachFromTemplatesTest {
    private static final String MANIFESTS_ONLY = "src/test/resources/reach-manifests-only";
    private static final String QUICKSTART = "../examples/quickstart";

    private static Map<String, JsonNode> workloads(JsonNode report) {
        Map<String, JsonNode> out = new HashMap<>();
        report.get("workloads").forEach(w -> out.put(w.get("id").asText(), w));
        return out;
    }

    @Test
    void withoutNodesEveryWorkloadIsAnalysedFromItsTemplateWithANote() throws Exception {
        Cli r = Cli.run("reach", MANIFESTS_ONLY, "-o", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> w = workloads(report);
        for (String id : new String[] {"Deployment/shop/api", "Deployment/shop/web", "DaemonSet/shop/agent"}) {
            assertThat(w.get(id).get("fromTemplate").asBoolean()).as(id).isTrue();
            assertThat(w.get(id).get("pods").asInt()).as(id).isEqualTo(1);
        }
        assertThat(w.get("Deployment/shop/api").get("pendingPods").asInt()).isEqualTo(4);
        assertThat(report.get("notes").toString()).contains("3 workload(s) have no running pod (no node exists)")
                .contains("placement was not simulated");
        assertThat(report.get("edges").toString()).contains("{\"from\":\"Deployment/shop/web\",\"to\":\"Deployment/shop/api\",\"ports\":[\"TCP 8000\"]");
        assertThat(report.get("edges").toString()).doesNotContain("{\"from\":\"DaemonSet/shop/agent\",\"to\":\"Deployment/shop/api\"");
    }

    @Test
    void aConnectionBetweenWorkloadsWithoutNodesIsJudgedOnTheirTemplates() {
        Cli allowed = Cli.run("reach", MANIFESTS_ONLY, "--from", "web", "--to", "api", "--port", "http", "--expect", "allowed");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.out()).contains("from:    Deployment shop/web (no running pod: 1 representative pod from its template)")
                .contains("note: 3 workload(s) have no running pod (no node exists)");
        Cli denied = Cli.run("reach", MANIFESTS_ONLY, "--from", "agent", "--to", "api", "--port", "8000", "--expect", "denied");
        assertThat(denied.exitCode()).isZero();
    }

    @Test
    void whenThePlatformRunsRunningWorkloadsKeepTheirPodsAndOnlyThePendingOneIsATemplate() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Cli.run("reach", QUICKSTART, "-o", "json").out());
        Map<String, JsonNode> w = workloads(report);
        assertThat(w.get("Deployment/archiverse/report-builder").get("fromTemplate").asBoolean()).isTrue();
        assertThat(w.get("Deployment/archiverse/api").get("fromTemplate").asBoolean()).isFalse();
        assertThat(w.get("Deployment/archiverse/api").get("pods").asInt()).isEqualTo(2);
        assertThat(report.get("notes").toString()).contains("1 workload(s) have no running pod (their pods are pending)");
        Cli text = Cli.run("reach", QUICKSTART);
        assertThat(text.out()).containsPattern("Deployment archiverse/report-builder\\s+template \\(1 pending\\)\\s+isolated by default-deny");
    }
}
