package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain hpa: one decision from objects given, every step, and one line for each kind of bad input. */
class ExplainHpaCommandTest {
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx
                      resources: {requests: {cpu: 500m, memory: 256Mi}}
            """;

    static String hpa(String targetKind, String target, int min, int max, String metrics) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: %s, name: %s}
                  minReplicas: %d
                  maxReplicas: %d
                  metrics:
                %s""".formatted(targetKind, target, min, max, metrics);
    }

    static final String CPU_50 = "    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}\n";

    static String pod(String name, String cpu, String rps) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %1$s, namespace: shop, labels: {app: web}}
                spec:
                  nodeName: node-not-in-the-inputs
                  containers:
                    - name: web
                      image: nginx
                      resources: {requests: {cpu: 500m, memory: 256Mi}}
                status:
                  phase: Running
                  startTime: "2026-03-01T09:00:00Z"
                  conditions:
                    - {type: Ready, status: "True", lastTransitionTime: "2026-03-01T09:00:30Z"}
                ---
                apiVersion: metrics.k8s.io/v1beta1
                kind: PodMetrics
                metadata: {name: %1$s, namespace: shop, labels: {app: web}}
                timestamp: "2026-03-01T10:00:00Z"
                window: 15s
                containers:
                  - name: web
                    usage: {cpu: %2$s, memory: 200Mi, requests_per_second: "%3$s"}
                """.formatted(name, cpu, rps);
    }

    static Path write(Path dir, String... docs) throws IOException {
        Path f = dir.resolve("in.yaml");
        Files.writeString(f, String.join("---\n", docs));
        return f;
    }

    @Test
    void explainsEveryStepAndTheDesiredReplicas(@TempDir Path dir) throws IOException {
        Path f = write(dir, DEPLOYMENT, hpa("Deployment", "web", 2, 10, CPU_50), pod("web-1", "450m", "10"), pod("web-2", "350m", "10"));
        Cli r = Cli.run("explain", "hpa", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("HorizontalPodAutoscaler shop/web -> Deployment shop/web",
                "cpu resource utilization (percentage of request): current 80% (400m per pod), target 50%, ratio 1.600 -> 4 replicas",
                "scale-up limit max(2 x 2, 4) = 4", "desiredReplicas: 4",
                "SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target");
    }

    @Test
    void jsonHasTheDesiredReplicasField(@TempDir Path dir) throws IOException {
        String pods = "    - {type: Pods, pods: {metric: {name: requests_per_second}, target: {type: AverageValue, averageValue: \"4\"}}}\n";
        Path f = write(dir, DEPLOYMENT, hpa("Deployment", "web", 1, 3, CPU_50 + pods), pod("web-1", "100m", "10"), pod("web-2", "100m", "10"));
        Cli r = Cli.run("explain", "hpa", f.toString(), "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 10 requests/s per pod against 4 proposes 5, which maxReplicas 3 caps.
        assertThat(r.out()).contains("\"desiredReplicas\" : 3", "\"proposedReplicas\" : 5", "TooManyReplicas");
    }

    @Test
    void aMissingExternalMetricIsReportedAsUpstreamReportsIt(@TempDir Path dir) throws IOException {
        String ext = "    - {type: External, external: {metric: {name: queue_length}, target: {type: Value, value: \"30\"}}}\n";
        Path f = write(dir, DEPLOYMENT, hpa("Deployment", "web", 1, 10, ext), pod("web-1", "100m", "1"));
        Cli without = Cli.run("explain", "hpa", f.toString());
        assertThat(without.out()).contains("ScalingActive False FailedGetExternalMetric", "desiredReplicas: 2 (no change)");
        Cli with = Cli.run("explain", "hpa", f.toString(), "--external", "queue_length{queue=celery}=90");
        assertThat(with.out()).contains("external metric queue_length(<none>): current 90, target 30, ratio 3.000 -> 3 replicas", "desiredReplicas: 3");
    }

    @Test
    void aTargetThatIsNotAmongTheInputsIsOneLineWithItsLocation(@TempDir Path dir) throws IOException {
        Path f = write(dir, hpa("Deployment", "api", 1, 10, CPU_50), pod("web-1", "100m", "1"));
        Cli r = Cli.run("explain", "hpa", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1).allMatch(l -> l.contains("in.yaml:1") && l.contains("targets Deployment shop/api, which is not among the inputs")
                && l.contains("hint"));
    }

    @Test
    void aRolloutTargetIsRefusedAsNotSimulated(@TempDir Path dir) throws IOException {
        Path f = write(dir, hpa("Rollout", "web", 1, 10, CPU_50));
        Cli r = Cli.run("explain", "hpa", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("targets Rollout web, a kind Sandtable does not simulate");
    }

    @Test
    void badOptionsAreOneLineEach(@TempDir Path dir) throws IOException {
        Path f = write(dir, DEPLOYMENT, hpa("Deployment", "web", 1, 10, CPU_50));
        assertThat(Cli.run("explain", "hpa", f.toString(), "--name", "shop/nope").err()).contains("--name shop/nope: no such HorizontalPodAutoscaler");
        assertThat(Cli.run("explain", "hpa", f.toString(), "--external", "queue=lots").err()).contains("is not METRIC[{LABEL=VALUE,...}]=NUMBER");
        assertThat(Cli.run("explain", "hpa", f.toString(), "--object", "web=3").exitCode()).isEqualTo(2);
        assertThat(Cli.run("explain").exitCode()).isEqualTo(2);
    }
}
