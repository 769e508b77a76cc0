package dev.sandtable.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import dev.sandtable.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Topology spread on the scheduler's snapshot (journal-driven indexes) gives the same verdict on every node as the
 * plain walk over every pod, on seeded random clusters that gain and lose pods between cycles.
 */
class SpreadIndexEquivalenceTest {
    private static final List<String> ZONES = List.of("a", "b", "c");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void indexedAndWalkedCountsGiveTheSameFilterVerdicts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SchedulerCache cache = new SchedulerCache();
        int nodes = 20 + random.nextInt(30);
        for (int i = 0; i < nodes; i++) {
            Map<String, String> labels = random.nextInt(10) == 0 ? Map.of("kubernetes.io/hostname", "n" + i)
                    : Map.of("kubernetes.io/hostname", "n" + i, "topology.kubernetes.io/zone", ZONES.get(random.nextInt(3)));
            cache.upsertNode(new NodeBuilder().withNewMetadata().withName("n" + i).withLabels(labels).endMetadata().build());
        }
        PodTopologySpread plugin = new PodTopologySpread(Listers.EMPTY);
        List<String> placed = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            if (!placed.isEmpty() && random.nextInt(4) == 0) {
                cache.forgetPod(placed.remove(random.nextInt(placed.size())));
            } else {
                Pod p = pod("p" + step, "g" + random.nextInt(4), random.nextInt(3) == 0 ? "other" : "shop");
                String uid = "uid-" + step;
                p.getMetadata().setUid(uid);
                cache.assignPod(uid, "n" + random.nextInt(nodes), new PodInfo(p));
                placed.add(uid);
            }
            PodInfo incoming = new PodInfo(pod("in" + step, "g" + random.nextInt(4), "shop"));
            List<NodeInfo> snapshot = cache.nodeList();
            List<NodeInfo> plain = new ArrayList<>(snapshot);
            CycleState indexed = new CycleState();
            CycleState walked = new CycleState();
            Status a = plugin.preFilter(indexed, incoming, snapshot);
            Status b = plugin.preFilter(walked, incoming, plain);
            assertThat(a).isEqualTo(b);
            for (NodeInfo n : snapshot) {
                assertThat(plugin.filter(indexed, incoming, n)).as("node %s at step %d", n.name(), step)
                        .isEqualTo(plugin.filter(walked, incoming, n));
            }
        }
    }

    @Test
    void anEmptySelectorCountsNoPodsAsCountPodsMatchSelectorDoes() {
        SchedulerCache cache = fivePodsOfGroupGInZoneA();
        Pod incoming = pod("in", "g", "shop");
        incoming.getSpec().getTopologySpreadConstraints().forEach(c -> c.setLabelSelector(new LabelSelector()));
        PodTopologySpread plugin = new PodTopologySpread(Listers.EMPTY);
        for (List<NodeInfo> nodes : List.of(cache.nodeList(), new ArrayList<>(cache.nodeList()))) {
            CycleState state = new CycleState();
            plugin.preFilter(state, new PodInfo(incoming), nodes);
            for (NodeInfo n : nodes) {
                assertThat(plugin.filter(state, new PodInfo(incoming), n).isSuccess()).as(n.name()).isTrue();
            }
        }
    }

    @Test
    void matchLabelKeysLeaveANullSelectorSelectingNothing() {
        SchedulerCache cache = fivePodsOfGroupGInZoneA();
        Pod incoming = pod("in", "g", "shop");
        incoming.getSpec().getTopologySpreadConstraints().forEach(c -> {
            c.setLabelSelector(null);
            c.setMatchLabelKeys(List.of("group"));
        });
        PodTopologySpread plugin = new PodTopologySpread(Listers.EMPTY);
        CycleState state = new CycleState();
        plugin.preFilter(state, new PodInfo(incoming), cache.nodeList());
        for (NodeInfo n : cache.nodeList()) {
            assertThat(plugin.filter(state, new PodInfo(incoming), n).isSuccess()).as(n.name()).isTrue();
        }
    }

    /** One node per zone; five pods of group g, all on the node in zone a. */
    private static SchedulerCache fivePodsOfGroupGInZoneA() {
        SchedulerCache cache = new SchedulerCache();
        for (String zone : ZONES) {
            cache.upsertNode(new NodeBuilder().withNewMetadata().withName("n-" + zone)
                    .withLabels(Map.of("kubernetes.io/hostname", "n-" + zone, "topology.kubernetes.io/zone", zone)).endMetadata().build());
        }
        for (int i = 0; i < 5; i++) {
            Pod p = pod("p" + i, "g", "shop");
            p.getMetadata().setUid("u" + i);
            cache.assignPod("u" + i, "n-a", new PodInfo(p));
        }
        return cache;
    }

    private static Pod pod(String name, String group, String namespace) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(Map.of("group", group)).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer()
                .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("DoNotSchedule").withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                .endTopologySpreadConstraint()
                .addNewTopologySpreadConstraint().withMaxSkew(2).withTopologyKey("kubernetes.io/hostname")
                .withWhenUnsatisfiable("DoNotSchedule").withNewLabelSelector().addToMatchLabels("group", group).endLabelSelector()
                .endTopologySpreadConstraint()
                .endSpec().build();
    }
}
