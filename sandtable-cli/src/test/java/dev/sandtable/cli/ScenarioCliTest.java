package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sandtable run --scenario as a user and a CI system see it. */
class ScenarioCliTest {
    private static final String EXAMPLE = "../examples/quickstart";

    @Test
    void aDayOfNormalLoadHoldsEveryExpectationAndExitsZero() {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "daily-load");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Scenario daily-load: 24h simulated (seed 1, resolution 1m)")
                .contains("PASS  frontend serves 99.9% of requests").contains("All 6 expectations held.")
                .contains("AT THE END").contains("NODE POOLS");
        assertThat(r.err()).contains("simulated 24h in");
    }

    @Test
    void aSpikeWithoutAutoscalingFailsVisiblyWithExitCodeOne(@TempDir Path tmp) throws Exception {
        Path junit = tmp.resolve("report.xml");
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "../examples/quickstart/scenarios/flash-sale.yaml", "--junit", junit.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  frontend serves 99% of requests during the sale")
                .contains("below 99.000%").contains("01:10:00 scale Deployment archiverse/frontend to 4")
                .contains("1 of 2 expectations failed.");
        String xml = Files.readString(junit);
        assertThat(xml).contains("<testsuite name=\"sandtable.flash-sale\" tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"sandtable.flash-sale\" name=\"frontend serves 99% of requests during the sale\">")
                .contains("<failure type=\"availability\"");
    }

    @Test
    void jsonCarriesVerdictsSeriesAndTheEndState() throws Exception {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "-o", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode scenario = root.get("scenario");
        assertThat(scenario.get("verdicts")).hasSize(2);
        assertThat(scenario.get("verdicts").get(0).get("passed").asBoolean()).isFalse();
        assertThat(scenario.get("verdicts").get(0).get("atMillis").asLong()).isEqualTo(4_200_000L);
        JsonNode load = scenario.get("series").get("service[archiverse/frontend].load");
        assertThat(load).hasSize(721);
        assertThat(root.get("end").get("pools")).hasSize(4);
    }

    @Test
    void theSameScenarioAndSeedGiveByteIdenticalOutput() {
        assertThat(Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "-o", "json").out())
                .isEqualTo(Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "-o", "json").out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown Service|load: [{service: archiverse/nope, profile: [{constant: 1}]}]|scenario.yaml:8 (document 1): unknown Service \"archiverse/nope\"",
            "a negative load|load: [{service: archiverse/frontend, profile: [{constant: -3}]}]|scenario.yaml:8 (document 1): must not be negative, got -3",
            "an event after the end|events: [{at: 3h, scale: {workload: archiverse/api, replicas: 3}}]|scenario.yaml:8 (document 1): at 3h is after the end of the run (1h, set by spec.duration)",
            "a window after the end|expectations: [{readyEndpoints: {service: archiverse/api, atLeast: 1}, window: {from: 2h, to: 3h}}]|scenario.yaml:8 (document 1): window 2h-3h lies entirely after the end of the run (1h, set by spec.duration)",
            "a window that ends after the end|expectations: [{readyEndpoints: {service: archiverse/api, atLeast: 1}, window: {from: 30m, to: 2h}}]|scenario.yaml:8 (document 1): window 30m-2h goes on after the end of the run (1h, set by spec.duration)",
            "a series that does not exist|expectations: [{expression: 'max(pool[gpu].nodes) <= 1'}]|scenario.yaml:8 (document 1): expression reads a series that does not exist: no node pool gpu",
            "a bad CSV row|load: [{service: archiverse/frontend, profile: [{trace: {file: bad.csv}}]}]|bad.csv:3: expected 2 columns (time,rps), found 3",
    })
    void badScenariosGetOneLineWithFileLineAndExitTwo(String what, String body, String expected, @TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("bad.csv"), "time,rps\n0s,10\n5m,20,30\n");
        Path file = tmp.resolve("scenario.yaml");
        Files.writeString(file, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata:
                  name: broken
                spec:
                  duration: 1h
                  # %s
                %s
                """.formatted(what, "  " + body));
        assertRefusedInOneLine(file, expected);
    }

    @Test
    void theIsolationTheSeedDocumentPromisesHoldsOnTheExample() {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "isolation");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Scenario isolation: 10m simulated")
                .contains("PASS  frontend can only communicate with the backend API\n"
                        + "        Deployment archiverse/frontend reaches only Deployment archiverse/api (TCP 8000), Deployment kube-system/coredns (TCP 53, UDP 53)")
                .contains("PASS  database only accepts connections from the backend\n"
                        + "        StatefulSet archiverse/postgres is reached only by Deployment archiverse/api (TCP 5432)")
                .contains("PASS  all pods can access DNS").contains("All 5 expectations held.");
    }

    @Test
    void aBrokenReachabilityIntentFailsWithACounterexampleAndTheRuleThatAllowedIt(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("intents.yaml");
        Files.writeString(file, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata:
                  name: intents
                spec:
                  duration: 10m
                  expectations:
                    - name: the API talks to nothing but the database
                      reachability: {from: archiverse/api, onlyTo: ["archiverse/postgres:5432"]}
                    - name: the frontend cannot reach the database
                      reachability: {from: frontend, to: postgres, port: 5432, allowed: false}
                """);
        Path junit = tmp.resolve("report.xml");
        Cli r = Cli.run("run", EXAMPLE, "--scenario", file.toString(), "--junit", junit.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  the API talks to nothing but the database\n"
                        + "        1 connection beyond the intent: Deployment archiverse/api -> Deployment kube-system/coredns (TCP 53, UDP 53); counterexample: archiverse/api-")
                .contains(" -> kube-system/coredns UDP 53 is allowed: egress allowed by archiverse/allow-dns egress[0].to[0] "
                        + "(namespaceSelector kubernetes.io/metadata.name=kube-system and podSelector k8s-app=kube-dns); "
                        + "ingress not isolated: no NetworkPolicy selects kube-system/coredns for ingress")
                .contains("PASS  the frontend cannot reach the database").contains("1 of 2 expectations failed.");
        assertThat(Files.readString(junit)).contains("<failure type=\"reachability\" message=\"1 connection beyond the intent: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown workload|{from: archiverse/nope, to: dns, allowed: true}|intents.yaml:8 (document 1): unknown workload \"archiverse/nope\"",
            "a port out of range|{from: frontend, onlyTo: ['api:80000']}|intents.yaml:8 (document 1): port 80000 is out of range (hint: ports are 1 to 65535)",
    })
    void aBadReachabilityIntentIsOneLineWithFileLineAndExitTwo(String what, String intent, String expected, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("intents.yaml");
        Files.writeString(file, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata:
                  name: intents
                spec:
                  duration: 10m
                  expectations:
                    - reachability: %s
                """.formatted(intent));
        assertRefusedInOneLine(file, expected);
    }

    @Test
    void aShorterDurationOnTheCommandLineThatMissesTheSaleIsRefusedInsteadOfPassingUnseen() {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--duration", "30m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("flash-sale.yaml:22 (document 1): at 1h10m is after the end of the run (30m, set by --duration)"
                        + " (hint: use times within the run, or a longer --duration)")
                .contains("flash-sale.yaml:27 (document 1): window 1h-1h20m lies entirely after the end of the run (30m, set by --duration)")
                .doesNotContain("\tat ");
    }

    @Test
    void aLongerDurationOnTheCommandLineRunsTheScenarioThatLong() {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--duration", "3h");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("Scenario flash-sale: 3h simulated");
    }

    @Test
    void aJUnitReportInAFolderThatDoesNotExistIsRefusedBeforeTheRunAndNothingIsCreated(@TempDir Path tmp) {
        Path junit = tmp.resolve("missing/report.xml");
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--junit", junit.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).as("nothing was simulated").isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: cannot write --junit " + junit + ": folder " + junit.getParent() + " does not exist"
                + " (hint: create it first, e.g. mkdir -p " + junit.getParent() + ", or give another path)");
        assertThat(junit.getParent()).doesNotExist();
    }

    @Test
    void aJUnitReportPathThatIsAFolderIsRefusedBeforeTheRun(@TempDir Path tmp) {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--junit", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cannot write --junit " + tmp + ": it is a folder");
    }

    @Test
    void aReadOnlyJUnitReportIsRefusedBeforeTheRunAndKeepsItsContent(@TempDir Path tmp) throws Exception {
        Path junit = Files.writeString(tmp.resolve("report.xml"), "previous report");
        Files.setPosixFilePermissions(junit, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(junit), "running as root, which writes files whatever their permissions");
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--junit", junit.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cannot write --junit " + junit + ": the file is not writable");
        assertThat(Files.readString(junit)).isEqualTo("previous report");
    }

    @Test
    void anExistingJUnitReportIsReplacedAfterTheRunAndAFailedExpectationStillExitsOne(@TempDir Path tmp) throws Exception {
        Path junit = Files.writeString(tmp.resolve("report.xml"), "previous report");
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "flash-sale", "--junit", junit.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Files.readString(junit)).startsWith("<?xml").contains("failures=\"1\"");
    }

    @Test
    void anUnknownScenarioNameListsTheOnesFound() {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", "black-friday");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--scenario black-friday: no such file").contains("scenarios found: [daily-load, flash-sale, isolation]");
    }

    /** The scenario file is bad input: exit 2, one error line naming the problem, a hint, and no stack trace. */
    private static void assertRefusedInOneLine(Path file, String expected) {
        Cli r = Cli.run("run", EXAMPLE, "--scenario", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
        assertThat(r.err()).contains(expected).contains("(hint: ").doesNotContain("\tat ");
    }
}
