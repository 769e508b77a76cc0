package dev.sandtable.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.cluster.NodePool;
import dev.sandtable.engine.Simulation;
import dev.sandtable.kubelet.KubeletTiming;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Scenarios end to end on a small platform: load, throttling, OOM kills, events and verdicts. */
class ScenarioRunnerTest {

    static List<HasMetadata> platform(int replicas, String cpuLimit, String memoryLimit) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: web}
                spec: {capacity: {cpu: "4", memory: 16Gi}, initialCount: 2}
                """));
        objects.add(Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: web:1
                          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: %s, memory: %s}}
                """.formatted(replicas, cpuLimit, memoryLimit)));
        objects.add(Yaml.read(Service.class, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """));
        return objects;
    }

    static ScenarioResult run(List<HasMetadata> platform, String spec) {
        Scenario scenario = Yaml.read(Scenario.class, "apiVersion: sandtable.dev/v1alpha1\nkind: Scenario\nmetadata: {name: test}\nspec:\n" + spec.indent(2));
        ParseContext ctx = new ParseContext(platform, ScenarioFiles.NONE);
        ParsedScenario parsed = ScenarioParser.parse(scenario, ctx);
        assertThat(ctx.errors()).isEmpty();
        Simulation sim = new Simulation(parsed.seed(), KubeletTiming.DEFAULT, SchedulerConfiguration.defaults(), parsed.epoch());
        return new ScenarioRunner(sim, parsed).run(platform, p -> { });
    }

    @Test
    void loadWithinCapacityIsFullyServedAndSharedAmongReadyEndpoints() {
        ScenarioResult r = run(platform(2, "500m", "512Mi"), """
                duration: 10m
                resolution: 10s
                load:
                  - service: shop/web
                    profile: [{constant: 200}]
                    usage: {cpuPerRequest: 2m}
                expectations:
                  - availability: {service: shop/web, atLeast: 100%}
                  - readyEndpoints: {service: shop/web, atLeast: 2}
                """);
        assertThat(r.verdicts()).allMatch(Verdict::passed);
        assertThat(Arrays.stream(r.series().get("service[shop/web].served")).boxed().toList()).allMatch(v -> v == 200);
        assertThat(r.series().get("pool[web].cpuUsed")[5]).isCloseTo(0.41, Offset.offset(0.001));
    }

    @Test
    void demandAboveWhatTheCpuLimitsAllowIsDroppedAndTheAvailabilityExpectationFails() {
        ScenarioResult r = run(platform(2, "500m", "512Mi"), """
                duration: 10m
                resolution: 10s
                load:
                  - service: shop/web
                    profile: [{constant: 100}, {spike: {at: 5m, duration: 1m, rps: 900}}]
                    usage: {cpuPerRequest: 2m, cpuBase: 0}
                expectations:
                  - name: web keeps up
                    availability: {service: shop/web, atLeast: 99%}
                """);
        // Two pods at 500m / 2m per request serve 500 req/s; the spike asks 1,000.
        double[] served = r.series().get("service[shop/web].served");
        assertThat(served[31]).isEqualTo(500);
        assertThat(r.series().get("service[shop/web].dropped")[31]).isEqualTo(500);
        Verdict v = r.verdicts().get(0);
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).contains("below 99.000%").contains("most dropped at 00:05:00: 500 req/s");
        assertThat(v.atMillis()).isEqualTo(300_000L);
    }

    @Test
    void memoryAboveTheLimitGetsTheContainerOomKilledAndRestartedWithCrashLoopBackOff() {
        List<HasMetadata> p = platform(1, "2", "256Mi");
        Scenario sc = Yaml.read(Scenario.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata: {name: oom}
                spec:
                  duration: 10m
                  resolution: 1s
                  load:
                    - workload: shop/web
                      profile: [{step: {at: 1m, rps: 100}}]
                      usage: {memoryBase: 128Mi, memoryPerRequest: 2Mi}
                """);
        ParseContext ctx = new ParseContext(p, ScenarioFiles.NONE);
        ParsedScenario parsed = ScenarioParser.parse(sc, ctx);
        Simulation sim = new Simulation(1, KubeletTiming.DEFAULT, SchedulerConfiguration.defaults(), parsed.epoch());
        ScenarioResult r = new ScenarioRunner(sim, parsed).run(p, x -> { });
        Pod pod = sim.store().list(Pod.class).get(0);
        var status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
        // The load returns as soon as the container does, so it is killed again on every restart:
        // at 60 s, then after back-offs of 10, 20, 40, 80 and 160 s (the next, 300 s, ends after the run).
        assertThat(status.getRestartCount()).isEqualTo(6);
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        double[] ready = r.series().get("workload[shop/web].ready");
        assertThat(ready[59]).isEqualTo(1);
        assertThat(ready[65]).isEqualTo(0);
        assertThat(r.series().get("workload[shop/web].served")[65]).isZero();
    }

    @Test
    void scaleAndSetLoadEventsHappenAtTheirTimesAndAreLogged() {
        ScenarioResult r = run(platform(2, "500m", "512Mi"), """
                duration: 30m
                resolution: 1m
                load:
                  - service: shop/web
                    profile: [{constant: 100}]
                events:
                  - at: 10m
                    scale: {workload: shop/web, replicas: 4}
                  - at: 20m
                    setLoad: {service: shop/web, rps: 300}
                expectations:
                  - replicas: {workload: shop/web, between: [4, 4], by: 11m}
                  - expression: max(service[shop/web].load) == 300
                  - expression: first(service[shop/web].load) == 100
                """);
        assertThat(r.log()).containsExactly("00:10:00 scale Deployment shop/web to 4", "00:20:00 set load of service[shop/web] to 300.0 req/s");
        assertThat(r.verdicts()).allMatch(Verdict::passed);
        assertThat(r.series().get("workload[shop/web].ready")[9]).isEqualTo(2);
    }

    @Test
    void customMetricsAreRecordedPerPodForHpaStyleReading() {
        ScenarioResult r = run(platform(2, "2", "512Mi"), """
                duration: 5m
                resolution: 1m
                load:
                  - service: shop/web
                    profile: [{constant: 300}]
                    usage:
                      customMetrics: [{name: http_requests_per_second, perRequest: 1}, {name: queue_depth, perRequest: 0.1}]
                expectations:
                  - expression: max(service[shop/web].http_requests_per_second) == 150
                  - expression: max(service[shop/web].queue_depth) == 15
                """);
        assertThat(r.verdicts()).allMatch(Verdict::passed);
        assertThat(r.series().get("service[shop/web].http_requests_per_second")[2]).isEqualTo(150);
    }

    @Test
    void theDiurnalProfilePeaksAtItsPeakHourOfTheSimulatedDay() {
        ScenarioResult r = run(platform(2, "2", "512Mi"), """
                duration: 24h
                startTime: "00:00"
                resolution: 1h
                load:
                  - service: shop/web
                    profile: [{diurnal: {base: 10, peak: 110, peakHour: 14}}]
                """);
        double[] load = r.series().get("service[shop/web].load");
        assertThat(load[14]).isEqualTo(110);
        assertThat(load[2]).isEqualTo(10);
        assertThat(load[8]).isCloseTo(60, Offset.offset(1e-9));
    }
}
