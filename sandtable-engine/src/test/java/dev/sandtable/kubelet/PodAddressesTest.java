package dev.sandtable.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubelet gives running pods the addresses of their node's pod ranges, and none when the range is full. */
class PodAddressesTest {
    private static Node node(String name, String podCidrs) {
        return Yaml.read(Node.class, """
                apiVersion: v1
                kind: Node
                metadata: {name: %s, labels: {kubernetes.io/hostname: %s}}
                spec: %s
                status:
                  capacity: {cpu: "64", memory: 256Gi, pods: "300"}
                  allocatable: {cpu: "64", memory: 256Gi, pods: "300"}
                  conditions: [{type: Ready, status: "True"}]
                """.formatted(name, name, podCidrs == null ? "{}" : "{podCIDRs: [" + podCidrs + "]}"));
    }

    private static Deployment web(int replicas) {
        return Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: main, image: web:1, resources: {requests: {cpu: 10m}}}]
                """.formatted(replicas));
    }

    private static List<Pod> run(HasMetadata... objects) {
        Simulation sim = new Simulation(7);
        sim.apply(List.of(objects));
        sim.runFor(Duration.ofMinutes(5));
        return sim.store().list(Pod.class);
    }

    @Test
    void aNodeWithoutAPodCidrGivesItsPodsAddressesFromTheDocumentedRange() {
        List<Pod> pods = run(node("eks-node", null), web(3));
        assertThat(pods).hasSize(3).allSatisfy(p -> {
            assertThat(p.getStatus().getPhase()).isEqualTo("Running");
            assertThat(p.getStatus().getPodIP()).startsWith("10.224.0.");
        });
    }

    @Test
    void anIpv6NodeGivesIpv6AddressesAndADualStackNodeGivesBothFamilies() {
        List<Pod> v6 = run(node("v6", "'fd00:10:244::/64'"), web(2));
        assertThat(v6).extracting(p -> p.getStatus().getPodIP()).containsExactlyInAnyOrder("fd00:10:244::2", "fd00:10:244::3");
        List<Pod> dual = run(node("dual", "10.244.0.0/24, 'fd00:10:244::/64'"), web(1));
        assertThat(dual.getFirst().getStatus().getPodIPs()).extracting(PodIP::getIp).containsExactly("10.244.0.2", "fd00:10:244::2");
        assertThat(dual.getFirst().getStatus().getPodIP()).isEqualTo("10.244.0.2");
    }

    @Test
    void podsBeyondTheRangeStayContainerCreatingWithTheReasonAndNoAddress() {
        List<Pod> pods = run(node("small", "10.244.0.0/29"), web(7));
        List<Pod> running = new ArrayList<>();
        List<Pod> waiting = new ArrayList<>();
        for (Pod p : pods) {
            (p.getStatus().getPodIP() == null ? waiting : running).add(p);
        }
        assertThat(running).hasSize(5).allMatch(p -> "Running".equals(p.getStatus().getPhase()));
        assertThat(running).extracting(p -> p.getStatus().getPodIP()).doesNotHaveDuplicates();
        assertThat(waiting).hasSize(2).allSatisfy(p -> {
            assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
            var state = p.getStatus().getContainerStatuses().getFirst().getState().getWaiting();
            assertThat(state.getReason()).isEqualTo("ContainerCreating");
            assertThat(state.getMessage()).contains("no IP addresses available in range set: 10.244.0.1-10.244.0.6");
            assertThat(p.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("False"));
        });
    }

    @Test
    void aPodWaitingForAnAddressStartsWhenAnotherPodOnItsNodeIsDeleted() {
        Simulation sim = new Simulation(7);
        sim.apply(List.of(node("small", "10.244.0.0/29"), web(6)));
        sim.runFor(Duration.ofMinutes(1));
        Pod victim = sim.store().list(Pod.class).stream().filter(p -> p.getStatus().getPodIP() != null).findFirst().orElseThrow();
        String freed = victim.getStatus().getPodIP();
        sim.store().delete(victim);
        sim.runFor(Duration.ofMinutes(1));
        List<Pod> pods = sim.store().list(Pod.class);
        // The ReplicaSet replaces the deleted pod, and that replacement now waits instead.
        assertThat(pods).hasSize(6);
        assertThat(pods).filteredOn(p -> p.getStatus().getPodIP() != null).hasSize(5)
                .extracting(p -> p.getStatus().getPodIP()).contains(freed).doesNotHaveDuplicates();
    }
}
