package dev.sandtable.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.bench.SyntheticCluster;
import dev.sandtable.bench.Workload;
import dev.sandtable.scheduler.config.PluginRegistry;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.Parallelizer;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScheduleResult;
import dev.sandtable.sim.SeededRandom;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Filtering and scoring on helper threads, as upstream's parallelizer does, place every pod exactly where one thread
 * walking the nodes in order does: same feasible nodes, same scores, same tie-breaks, same rotating start index.
 */
class ParallelSchedulingEquivalenceTest {
    private static final Parallelizer HELPED = new Parallelizer(3, false);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Workload.class)
    void helpersPlaceEveryPodWhereOneThreadDoes(Workload workload) {
        List<String> alone = placements(workload, Parallelizer.SEQUENTIAL);
        List<String> helped = placements(workload, HELPED);
        assertThat(helped).isEqualTo(alone);
        assertThat(alone).as("the cluster runs out of room, so filters reject nodes along the walk").contains("unschedulable");
    }

    @org.junit.jupiter.params.provider.ValueSource(ints = {105, 40})
    @ParameterizedTest(name = "a filter failing on the node at walk position {0}")
    void aFilterThatFailsFailsTheSameCyclesWithHelpersAsAlone(int failingAt) {
        // 200 nodes: a walk stops at the 100th feasible one, so position 105 is past it and 40 before it.
        SchedulerCache cache = new SchedulerCache();
        SyntheticCluster.nodes(200).forEach(cache::upsertNode);
        String failing = cache.nodeList().get(failingAt).name();
        dev.sandtable.scheduler.framework.FilterPlugin crashing = new dev.sandtable.scheduler.framework.FilterPlugin() {
            @Override
            public String name() {
                return "Crashing";
            }

            @Override
            public dev.sandtable.scheduler.framework.Status filter(dev.sandtable.scheduler.framework.CycleState state, PodInfo pod,
                                                                   dev.sandtable.scheduler.framework.NodeInfo node) {
                if (node.name().equals(failing)) {
                    throw new IllegalStateException("plugin bug on " + node.name());
                }
                return dev.sandtable.scheduler.framework.Status.SUCCESS;
            }
        };
        List<String> outcomes = new ArrayList<>();
        for (Parallelizer parallelizer : List.of(Parallelizer.SEQUENTIAL, HELPED)) {
            var profile = new dev.sandtable.scheduler.framework.Profile("default-scheduler", List.of(crashing), List.of(), List.of(), 0);
            Framework framework = new Framework(profile, new SeededRandom(7), parallelizer);
            try {
                outcomes.add(framework.schedule(new PodInfo(SyntheticCluster.pods(Workload.BASIC, "p", 1).get(0)), cache.nodeList()).node());
            } catch (IllegalStateException e) {
                outcomes.add(e.getMessage());
            }
        }
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        assertThat(outcomes.get(0).startsWith("plugin bug")).isEqualTo(failingAt < 100);
    }

    // 200 nodes (over the parallel threshold), a third of them cordoned so that feasible nodes are scattered, each
    // with room for ten of the 100m pods, so the last pods find no room.
    private static List<String> placements(Workload workload, Parallelizer parallelizer) {
        SchedulerCache cache = new SchedulerCache();
        List<Node> nodes = SyntheticCluster.nodes(200);
        for (int i = 0; i < nodes.size(); i++) {
            if (i % 3 == 1) {
                nodes.get(i).getSpec().setUnschedulable(true);
            }
            nodes.get(i).getStatus().setAllocatable(java.util.Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("1"),
                    "memory", new io.fabric8.kubernetes.api.model.Quantity("32Gi"), "pods", new io.fabric8.kubernetes.api.model.Quantity("110")));
            cache.upsertNode(nodes.get(i));
        }
        Framework framework = new Framework(PluginRegistry.build(SchedulerConfiguration.defaults().profiles().get(0), Listers.EMPTY),
                new SeededRandom(7), parallelizer);
        List<String> out = new ArrayList<>();
        List<Pod> pods = SyntheticCluster.pods(workload, "p", 1500);
        for (int i = 0; i < pods.size(); i++) {
            Pod pod = pods.get(i);
            pod.getMetadata().setUid("uid-" + i);
            ScheduleResult r = framework.schedule(new PodInfo(pod), cache.nodeList());
            if (r.scheduled()) {
                pod.getSpec().setNodeName(r.node());
                cache.assignPod("uid-" + i, r.node(), new PodInfo(pod));
                out.add(r.node());
            } else {
                out.add("unschedulable");
            }
        }
        return out;
    }
}
