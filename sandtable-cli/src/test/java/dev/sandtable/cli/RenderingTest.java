package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kustomizations and Helm charts are rendered by the user's own tools, and a missing tool is named. */
class RenderingTest {

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @Test
    void aKustomizationFolderIsRenderedWithItsPatchesApplied(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("kubectl") || onPath("kustomize"), "kubectl or kustomize is needed to render kustomizations");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop
                resources: [deployment.yaml]
                replicas: [{name: web, count: 3}]
                """);
        Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: web:1, resources: {requests: {cpu: 10m}}}]}
                """);
        Files.writeString(dir.resolve("pool.yaml"), """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: p}
                spec: {capacity: {cpu: "2", memory: 4Gi}, initialCount: 1}
                """);
        Cli check = Cli.run("check", dir.toString(), dir.resolve("pool.yaml").toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("1 Deployment");
        Cli run = Cli.run("run", dir.toString(), dir.resolve("pool.yaml").toString());
        assertThat(run.out()).containsPattern("Deployment shop/web\\s+3/3");
    }

    @Test
    void aBrokenKustomizationReportsTheToolsMessage(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("kubectl") || onPath("kustomize"));
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        Cli r = Cli.run("check", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + dir).contains("failed").contains("(hint: ");
    }

    @Test
    void aHelmChartWithoutHelmInstalledNamesTheMissingTool(@TempDir Path dir) throws Exception {
        assumeFalse(onPath("helm"), "helm is installed here");
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Cli r = Cli.run("check", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("folder is a Helm chart but helm is not installed").contains("https://helm.sh");
    }

    @Test
    void manifestsCanComeFromStandardInput() {
        var in = System.in;
        try {
            System.setIn(new ByteArrayInputStream("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: b}
                    """.getBytes()));
            Cli r = Cli.run("check", "-f", "-");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("ok: 2 objects from 1 source(s): 2 ConfigMap");
        } finally {
            System.setIn(in);
        }
    }
}
