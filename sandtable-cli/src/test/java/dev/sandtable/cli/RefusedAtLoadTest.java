package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects a real API server refuses never reach the simulation: every command stops at load with exit 2 and the one
 * validation line. Negative replicas used to crash run (Deployment) or vanish silently (StatefulSet).
 */
class RefusedAtLoadTest {
    private static final String CORPUS = "src/test/resources/bad-input/";
    private static final String POOLS = "../examples/quickstart";

    static Stream<Arguments> commandsAndInputs() {
        return Stream.of("check", "run", "schedule", "reach").flatMap(cmd -> Stream.of(
                Arguments.of(cmd, "deployment-negative-replicas.yaml", 6, "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                Arguments.of(cmd, "statefulset-negative-replicas.yaml", 7, "spec.replicas: Invalid value: -3: must be greater than or equal to 0")));
    }

    @ParameterizedTest(name = "{0} {1} exits 2 with the validation line")
    @MethodSource("commandsAndInputs")
    void negativeReplicasAreRefusedAtLoadByEveryCommand(String command, String file, int line, String message) {
        Cli r = Cli.run(command, POOLS, CORPUS + file);
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().lines().toList()).containsExactly("error: " + CORPUS + file + ":" + line + " (document 1): " + message + " (hint: use 0 or more)");
    }

    @Test
    void anObjectInANamespaceTheInputsDoNotDefineIsLoadedWithOneWarningPerNamespace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: one
                  namespace: shop
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: two
                  namespace: shop
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: three
                  namespace: kube-system
                """);
        Cli r = Cli.run("check", file.toString());
        assertThat(r.exitCode()).isEqualTo(Main.OK);
        assertThat(r.out().lines().filter(l -> l.startsWith("warning: ")).toList()).containsExactly("warning: " + file + ":5 (document 1):"
                + " namespaces \"shop\" not found: a real API server refuses ConfigMap shop/one and the 1 other object(s) in namespace shop"
                + " until the namespace exists (Sandtable creates it) (hint: add a Namespace shop to the inputs, or create it before applying)");
    }

    @Test
    void aPriorityClassDefinedAmongTheInputsOrBuiltInSatisfiesPriorityAdmission(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prio.yaml");
        Files.writeString(file, """
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata:
                  name: business-critical
                value: 100000
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                spec:
                  priorityClassName: business-critical
                  containers: [{name: a, image: nginx}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: b
                spec:
                  priorityClassName: system-node-critical
                  containers: [{name: b, image: nginx}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: c
                spec:
                  priorityClassName: batch-low
                  containers: [{name: c, image: nginx}]
                """);
        Cli r = Cli.run("check", file.toString());
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().lines().toList()).containsExactly("error: " + file + ":28 (document 4): spec.priorityClassName: pods \"c\" is forbidden:"
                + " no PriorityClass with name batch-low was found (hint: define PriorityClass batch-low in the inputs, or name an existing one"
                + " (system-cluster-critical, system-node-critical))");
    }
}
