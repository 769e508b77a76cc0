package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs that are unusual in shape: paths that yield nothing, and typed lists as the API server returns them. */
class InputShapesTest {
    private static final String NOTHING = "(hint: give the files or folders that hold the manifests; kubectl apply refuses this too, with no objects passed to apply)";

    @ParameterizedTest(name = "{0} refuses an empty folder, naming it")
    @ValueSource(strings = {"run", "schedule", "reach", "check"})
    void everyCommandRefusesAnEmptyFolderWithExitTwo(String command, @TempDir Path dir) {
        Cli r = Cli.run(command, dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: " + dir + ": no Kubernetes objects: the folder holds no .yaml, .yml or .json file " + NOTHING);
    }

    @Test
    void aFolderWhoseYamlFilesAreAllEmptyIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "# nothing yet\n");
        Files.writeString(dir.resolve("b.yml"), "");
        Cli r = Cli.run("run", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: " + dir + ": no Kubernetes objects: its files are empty or only comments " + NOTHING);
    }

    @Test
    void anEmptyPathBesideAUsefulOneIsStillNamed(@TempDir Path dir) {
        Cli r = Cli.run("check", "../examples/quickstart", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("error: " + dir + ": no Kubernetes objects");
    }

    @Test
    void anEmptyFileInsideAFolderWithManifestsIsFineAsKubectlFindsIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.yaml"), "");
        Files.writeString(dir.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        assertThat(Cli.run("check", dir.toString()).exitCode()).isZero();
    }

    @Test
    void emptyStandardInputIsRefused() {
        Cli r = withStdin("", () -> Cli.run("schedule", "-f", "-"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: <stdin>: no Kubernetes objects: standard input is empty or only comments " + NOTHING);
    }

    @Test
    void nodePoolsAloneAreAPlatformToRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pool.yaml"), """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: general}
                spec: {capacity: {cpu: "4", memory: 16Gi}, initialCount: 2}
                """);
        Cli r = Cli.run("run", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("general");
    }

    @Test
    void typedListsAsTheApiServerReturnsThemAreReadItemByItem(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("dump.yaml"), """
                apiVersion: v1
                kind: NamespaceList
                items:
                  - metadata: {name: shop}
                ---
                apiVersion: apps/v1
                kind: DeploymentList
                metadata: {resourceVersion: "812"}
                items:
                  - metadata: {name: web, namespace: shop}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {app: web}}
                      template:
                        metadata: {labels: {app: web}}
                        spec: {containers: [{name: web, image: nginx}]}
                ---
                apiVersion: v1
                kind: PodList
                items:
                  - metadata: {name: probe, namespace: shop}
                    spec: {containers: [{name: c, image: busybox}]}
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: kept-as-written, namespace: shop}
                """);
        Cli r = Cli.run("check", dump.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("ok: 4 objects from 1 source(s): 1 ConfigMap, 1 Deployment, 1 Namespace, 1 Pod");
    }

    @Test
    void aProblemInATypedListItemIsReportedOnTheItemsLine(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("pods.yaml"), """
                apiVersion: v1
                kind: PodList
                items:
                  - metadata: {name: a, namespace: default}
                    spec: {containers: [{name: c, image: busybox}]}
                  - metadata: {name: b, namespace: default}
                    spec:
                      containers:
                        - name: c
                          image: busybox
                          resources: {requests: {cpu: 500mm}}
                """);
        Cli r = Cli.run("check", dump.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + dump + ":11 (document 1): invalid quantity \"500mm\"");
    }

    @Test
    void anItemWithAKindButNoApiVersionIsStillMissingItsApiVersionAsKubectlSays(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("pods.yaml"), """
                apiVersion: v1
                kind: PodList
                items:
                  - kind: Pod
                    metadata: {name: a, namespace: default}
                    spec: {containers: [{name: c, image: busybox}]}
                """);
        Cli r = Cli.run("check", dump.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing apiVersion");
    }

    private static Cli withStdin(String text, java.util.function.Supplier<Cli> run) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }
}
