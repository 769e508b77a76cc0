package dev.sandtable.kubelet;

import static org.assertj.core.api.Assertions.assertThat;


import dev.sandtable.api.Cidr;
import dev.sandtable.api.Ip;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PodIpamTest {
    private static Node node(String name, String... cidrs) {
        var b = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec();
        if (cidrs.length > 0) {
            b.editSpec().withPodCIDR(cidrs[0]).withPodCIDRs(cidrs).endSpec();
        }
        return b.build();
    }

    private static List<String> assigned(PodIpam.Allocation a) {
        assertThat(a).isInstanceOf(PodIpam.Assigned.class);
        return ((PodIpam.Assigned) a).ips();
    }

    /** Allocates until the range is full; returns the addresses in the order given. */
    private static List<String> fill(PodIpam ipam, Node node) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            PodIpam.Allocation a = ipam.allocate(node, "pod-" + i);
            if (a instanceof PodIpam.Exhausted) {
                return out;
            }
            out.add(((PodIpam.Assigned) a).ips().getFirst());
        }
    }

    @ParameterizedTest(name = "{0}: {1} addresses, {2} to {3}")
    @CsvSource({
            "10.244.1.0/24, 253, 10.244.1.2, 10.244.1.254",
            "10.244.1.64/26, 61, 10.244.1.66, 10.244.1.126",
            "10.244.1.0/30, 1, 10.244.1.2, 10.244.1.2",
            "10.244.1.0/29, 5, 10.244.1.2, 10.244.1.6",
            "fd00:10:244::/120, 254, fd00:10:244::2, fd00:10:244::ff"})
    void aRangeGivesEveryAddressButTheNetworkTheGatewayAndTheIpv4BroadcastOnceInOrder(String cidr, int count, String first, String last) {
        PodIpam ipam = new PodIpam();
        List<String> ips = fill(ipam, node("n", cidr));
        assertThat(ips).hasSize(count).doesNotHaveDuplicates();
        assertThat(ips.getFirst()).isEqualTo(first);
        assertThat(ips.getLast()).isEqualTo(last);
        Cidr c = Cidr.parse(cidr);
        assertThat(ips).allMatch(ip -> c.contains(Ip.parse(ip)));
    }

    @Test
    void aSlash16RangeGoesPastTheThirdOctet() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "10.100.0.0/16");
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ips.add(assigned(ipam.allocate(n, "p" + i)).getFirst());
        }
        assertThat(ips).doesNotHaveDuplicates();
        assertThat(ips.get(253)).isEqualTo("10.100.0.255");
        assertThat(ips.get(254)).isEqualTo("10.100.1.0");
        assertThat(ips.getLast()).isEqualTo("10.100.2.89");
    }

    @Test
    void anIpv6Slash64RangeGivesIpv6Addresses() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "fd00:10:244::/64");
        assertThat(assigned(ipam.allocate(n, "a"))).containsExactly("fd00:10:244::2");
        assertThat(assigned(ipam.allocate(n, "b"))).containsExactly("fd00:10:244::3");
    }

    @Test
    void aDualStackNodeGivesOneAddressPerFamilyInTheNodesOrder() {
        PodIpam ipam = new PodIpam();
        assertThat(assigned(ipam.allocate(node("n", "10.244.0.0/24", "fd00:10:244::/64"), "a"))).containsExactly("10.244.0.2", "fd00:10:244::2");
        assertThat(assigned(ipam.allocate(node("m", "fd00:10:245::/64", "10.244.1.0/24"), "b"))).containsExactly("fd00:10:245::2", "10.244.1.2");
    }

    @Test
    void aDualStackPodGetsNoAddressWhenOneFamilyIsFullAndKeepsNoneOfTheOther() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "fd00:10:244::/64", "10.244.0.0/30");
        assertThat(assigned(ipam.allocate(n, "a"))).containsExactly("fd00:10:244::2", "10.244.0.2");
        assertThat(ipam.allocate(n, "b")).isEqualTo(new PodIpam.Exhausted(
                "failed to allocate for range 1: no IP addresses available in range set: 10.244.0.1-10.244.0.2"));
        ipam.release("a");
        // fd00:10:244::3 was handed back when the IPv4 range failed, but round-robin carries on after it, as host-local does.
        assertThat(assigned(ipam.allocate(n, "c"))).containsExactly("fd00:10:244::4", "10.244.0.2");
    }

    @Test
    void aFullRangeLeavesThePodWithoutAnAddressUntilOneIsReleasedAndThenReusesIt() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "10.244.1.0/29");
        List<String> ips = fill(ipam, n);
        assertThat(ipam.allocate(n, "late")).isEqualTo(new PodIpam.Exhausted(
                "failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.6"));
        ipam.release("pod-2");
        assertThat(assigned(ipam.allocate(n, "late"))).containsExactly(ips.get(2));
    }

    @Test
    void releasedAddressesComeBackOnlyAfterTheRoundRobinPassesThem() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "10.244.1.0/24");
        assertThat(assigned(ipam.allocate(n, "a"))).containsExactly("10.244.1.2");
        ipam.release("a");
        assertThat(assigned(ipam.allocate(n, "b"))).containsExactly("10.244.1.3");
    }

    @Test
    void aNodeThatComesBackWithAnotherPodCidrGivesAddressesOfTheNewOne() {
        PodIpam ipam = new PodIpam();
        assertThat(assigned(ipam.allocate(node("n", "10.244.1.0/24"), "a"))).containsExactly("10.244.1.2");
        ipam.release("a");
        assertThat(assigned(ipam.allocate(node("n", "10.244.7.0/24"), "b"))).containsExactly("10.244.7.2");
    }

    @Test
    void thePodAskingAgainKeepsItsAddress() {
        PodIpam ipam = new PodIpam();
        Node n = node("n", "10.244.1.0/24");
        assertThat(ipam.allocate(n, "a")).isEqualTo(ipam.allocate(n, "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.244.1.0/31", "10.244.1.1/32", "fd00::/127"})
    void aRangeTooSmallToHoldAPodIsReported(String cidr) {
        assertThat(new PodIpam().allocate(node("n", cidr), "a")).isInstanceOf(PodIpam.Exhausted.class)
                .extracting(a -> ((PodIpam.Exhausted) a).reason()).asString().contains("too small to allocate from");
    }

    @Test
    void nodesWithoutAPodCidrTakeOneSlash24EachFromTheDocumentedRange() {
        PodIpam ipam = new PodIpam();
        assertThat(assigned(ipam.allocate(node("a"), "p1"))).containsExactly("10.224.0.2");
        assertThat(assigned(ipam.allocate(node("b"), "p2"))).containsExactly("10.224.1.2");
        assertThat(assigned(ipam.allocate(node("a"), "p3"))).containsExactly("10.224.0.3");
        Cidr documented = Cidr.parse(PodIpam.UNASSIGNED_NODE_RANGE);
        assertThat(Ip.parse("10.224.1.2")).matches(documented::contains);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noTwoLivePodsEverShareAnAddressUnderChurn(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PodIpam ipam = new PodIpam();
        List<Node> nodes = List.of(node("v4", "10.244.0.0/27"), node("v6", "fd00::/123"), node("dual", "10.244.1.0/28", "fd00:1::/124"));
        Map<String, List<String>> live = new HashMap<>();
        Map<String, Node> where = new HashMap<>();
        int exhausted = 0;
        for (int step = 0; step < 5_000; step++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                List<String> uids = new ArrayList<>(live.keySet());
                uids.sort(null);
                String uid = uids.get(random.nextInt(uids.size()));
                ipam.release(uid);
                live.remove(uid);
                where.remove(uid);
                continue;
            }
            Node n = nodes.get(random.nextInt(nodes.size()));
            String uid = "pod-" + step;
            PodIpam.Allocation a = ipam.allocate(n, uid);
            if (a instanceof PodIpam.Assigned ok) {
                live.put(uid, ok.ips());
                where.put(uid, n);
            } else {
                exhausted++;
                long onNode = where.values().stream().filter(n::equals).count();
                assertThat(onNode).as("a range is full only when its addresses are all held")
                        .isEqualTo(Map.of("v4", 29L, "v6", 30L, "dual", 13L).get(n.getMetadata().getName()));
            }
            Set<String> seen = new HashSet<>();
            for (List<String> ips : live.values()) {
                for (String ip : ips) {
                    assertThat(seen.add(ip)).as("%s held twice at step %d", ip, step).isTrue();
                }
            }
        }
        assertThat(exhausted).as("the ranges filled up at times").isPositive();
    }
}
