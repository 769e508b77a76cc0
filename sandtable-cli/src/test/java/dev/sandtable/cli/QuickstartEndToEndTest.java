package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user sees when running the README's first command on the bundled example. */
class QuickstartEndToEndTest {
    private static final String EXAMPLE = "../examples/quickstart";

    @Test
    void runShowsEveryPoolWithItsNodesAndAllocatable() {
        Cli r = Cli.run("run", EXAMPLE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("system\\s+aks\\s+Standard_B2ps_v2\\s+1\\s+1900m cpu, 5\\.9Gi")
                .containsPattern("frontend-pool\\s+aks\\s+Standard_B2ps_v2\\s+2\\s+")
                .containsPattern("backend-pool\\s+aks\\s+Standard_B2ps_v2\\s+2\\s+")
                .containsPattern("db-pool\\s+aks\\s+Standard_B2ps_v2\\s+1\\s+");
        assertThat(r.err()).contains("simulated 10m in");
    }

    @Test
    void workloadsLandOnThePoolsTheirSelectorsAndTolerationsPickAndTheDaemonSetOnAllSixNodes() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Cli.run("run", EXAMPLE, "-o", "json").out()).get("report");
        assertThat(workload(report, "Deployment", "frontend").get("podsPerPool").toString()).isEqualTo("{\"frontend-pool\":2}");
        assertThat(workload(report, "Deployment", "api").get("podsPerPool").toString()).isEqualTo("{\"backend-pool\":2}");
        assertThat(workload(report, "StatefulSet", "postgres").get("podsPerPool").toString()).isEqualTo("{\"db-pool\":1}");
        JsonNode ds = workload(report, "DaemonSet", "node-exporter");
        assertThat(ds.get("ready").asInt()).isEqualTo(6);
        assertThat(ds.get("nodes")).hasSize(6);
        assertThat(workload(report, "Deployment", "frontend").get("ready").asInt()).isEqualTo(2);
    }

    @Test
    void thePodThatFitsNowhereIsPendingWithTheUpstreamSchedulerMessage() throws Exception {
        Cli r = Cli.run("run", EXAMPLE);
        assertThat(r.out()).contains("PENDING PODS (1)").contains("Deployment archiverse/report-builder: 1 pod pending, archiverse/report-builder-")
                .contains("0/6 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {workload: postgres}, "
                        + "2 node(s) had untolerated taint {workload: appservice}, 2 node(s) had untolerated taint {workload: frontend}.");
        JsonNode pending = new ObjectMapper().readTree(Cli.run("run", EXAMPLE, "-o", "json").out()).get("report").get("pending");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("name").asText()).startsWith("report-builder-");
    }

    @Test
    void customResourcesAreKeptAndListedAsNotSimulated() {
        assertThat(Cli.run("run", EXAMPLE).out()).contains("not simulated: 1 cert-manager.io/v1 Certificate");
        assertThat(Cli.run("check", EXAMPLE).out()).contains("not simulated: 1 cert-manager.io/v1 Certificate\n");
    }

    @Test
    void checkAndRunListWhatIsNotSimulatedOnTheSameLine() {
        String check = Cli.run("check", "../examples/finch").out();
        String run = Cli.run("run", "../examples/finch").out();
        String line = check.lines().filter(l -> l.startsWith("not simulated: ")).findFirst().orElseThrow();
        assertThat(line).contains("1 autoscaling.k8s.io/v1 VerticalPodAutoscaler", "2 batch/v1 CronJob");
        assertThat(run.lines()).contains(line);
    }

    @Test
    void checkGivesItsFindingsAsJson() throws Exception {
        Cli r = Cli.run("check", EXAMPLE, "-o", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("kinds").get("Deployment").asInt()).isEqualTo(3);
        assertThat(root.get("notSimulated").get("cert-manager.io/v1 Certificate").asInt()).isEqualTo(1);
        assertThat(root.get("scenarios")).hasSize(3);
        assertThat(root.get("objects").asInt()).isPositive();
    }

    @Test
    void theSameInputsAndSeedGiveByteIdenticalOutput() {
        String a = Cli.run("run", EXAMPLE, "-o", "json", "--seed", "5").out();
        String b = Cli.run("run", EXAMPLE, "-o", "json", "--seed", "5").out();
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(Cli.run("run", EXAMPLE, "--seed", "5").out()).isEqualTo(Cli.run("run", EXAMPLE, "--seed", "5").out());
    }

    @Test
    void checkAcceptsTheExample() {
        Cli r = Cli.run("check", EXAMPLE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("^ok: \\d+ objects from \\d+ source\\(s\\): .*1 DaemonSet, 3 Deployment")
                .contains("scenarios: daily-load, flash-sale, isolation (all read against the platform)");
    }

    @Test
    void versionAndHelpWorkOnEveryCommand() {
        assertThat(Cli.run("--version").out()).startsWith("sandtable ");
        for (String cmd : List.of("run", "schedule", "check", "explain", "reach", "bench")) {
            assertThat(Cli.run(cmd, "--help").out()).contains("Usage: sandtable " + cmd);
            assertThat(Cli.run(cmd, "--version").out()).startsWith("sandtable ");
            assertThat(Cli.run("help", cmd).out()).contains("Usage: sandtable " + cmd);
        }
        assertThat(Cli.run("--help").out()).containsSubsequence("run ", "schedule ", "check ", "bench ", "reach ", "help ")
                .doesNotContain("__train");
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndAnyOtherFirstArgumentGetsThemAll() {
        assertThat(Main.commandLine("schedule").getSubcommands()).containsOnlyKeys("schedule");
        assertThat(Main.commandLine("help").getSubcommands()).containsOnlyKeys("run", "schedule", "check", "explain", "bench", "__train", "reach",
                "help");
        assertThat(Main.commandLine("schedul").getSubcommands()).hasSize(8);
        assertThat(Cli.run("schedul").err()).contains("Unmatched argument at index 0: 'schedul'");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        Cli r = Cli.run("run", EXAMPLE, "--duration", "ten minutes");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1).allMatch(l -> l.startsWith("error: ") && l.contains("hint"));
        assertThat(Cli.run("run").err()).contains("no manifests given");
    }

    private static JsonNode workload(JsonNode report, String kind, String name) {
        List<String> seen = new ArrayList<>();
        for (JsonNode w : report.get("workloads")) {
            seen.add(w.get("kind").asText() + "/" + w.get("name").asText());
            if (w.get("kind").asText().equals(kind) && w.get("name").asText().equals(name)) {
                return w;
            }
        }
        throw new AssertionError(kind + " " + name + " not in " + seen);
    }
}
