package dev.sandtable.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.cluster.NodePool;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster autoscaler in scenarios: its scale events in the log, its series, and expectations that judge it (and can fail). */
class AutoscalerScenarioTest {

    static List<HasMetadata> platform() {
        return List.of(Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: web}
                spec: {capacity: {cpu: "2", memory: 8Gi}, autoscaling: true, minCount: 1, maxCount: 6}
                """), Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: web:1, resources: {requests: {cpu: 700m, memory: 1Gi}}}]}
                """));
    }

    static final String SURGE = """
            duration: 1h
            events:
              - at: 5m
                scale: {workload: shop/web, replicas: 8}
            expectations:
              - maxNodes: {pool: web, atMost: %d}
              - expression: max(cluster.nodesAdded) == 3
              - noPendingLongerThan: 3m
            """;

    @Test
    void aPoolWithinNNodesExpectationFailsWhenTheAutoscalerGrowsThePoolPastN() {
        ScenarioResult r = ScenarioRunnerTest.run(platform(), SURGE.formatted(3));
        assertThat(r.verdicts().get(0).passed()).isFalse();
        assertThat(r.verdicts().get(0).detail()).contains("was 4 at worst");
        assertThat(r.verdicts().subList(1, 3)).allMatch(Verdict::passed);
        assertThat(r.log()).anyMatch(l -> l.startsWith("00:05:10 scale-up: web 1 -> 4 (3 node(s) for 6 pending pod(s)"));
    }

    @Test
    void theSameExpectationHoldsWhenTheLimitIsTheSizeTheAutoscalerReaches() {
        ScenarioResult r = ScenarioRunnerTest.run(platform(), SURGE.formatted(4));
        assertThat(r.verdicts()).allMatch(Verdict::passed);
        assertThat(r.series().get("pool[web].nodes")).contains(1.0, 4.0);
    }
}
