package dev.sandtable.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import dev.sandtable.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Topology spread scoring on the scheduler's snapshot (matching pods found through the cache's label index) gives the
 * same scores on every feasible node as the walk over every pod, on seeded random clusters that gain and lose pods:
 * own and default (Service and ReplicaSet) constraints, set-based and unindexable selectors, terminating pods, pods
 * of other namespaces, nodes without a zone, tainted nodes and node affinity; and one large selector whose kept
 * per-node counts must follow pods placed, removed and terminating between cycles.
 */
class SpreadScoringIndexEquivalenceTest {
    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final List<String> APPS = List.of("web", "api", "db", "cache");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void indexedAndWalkedCountsGiveTheSameScores(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SchedulerCache cache = new SchedulerCache();
        int nodes = 15 + random.nextInt(30);
        for (int i = 0; i < nodes; i++) {
            Map<String, String> labels = new HashMap<>(Map.of("kubernetes.io/hostname", "n" + i));
            if (random.nextInt(8) != 0) {
                labels.put("topology.kubernetes.io/zone", ZONES.get(random.nextInt(3)));
            }
            NodeBuilder b = new NodeBuilder().withNewMetadata().withName("n" + i).withLabels(labels).endMetadata();
            if (random.nextInt(6) == 0) {
                b.withNewSpec().withTaints(new Taint("NoSchedule", "dedicated", null, "x")).endSpec();
            }
            cache.upsertNode(b.build());
        }
        Listers listers = listers(List.of(service("web-svc", Map.of("app", "web")), service("api-svc", Map.of("app", "api", "tier", "t1"))),
                List.of(replicaSet("web-rs", "web"), replicaSet("db-rs", "db")));
        PodTopologySpread plugin = new PodTopologySpread(listers);
        List<String> placed = new ArrayList<>();
        Map<String, Pod> pods = new HashMap<>();
        Map<String, String> nodeOf = new HashMap<>();
        for (int step = 0; step < 150; step++) {
            int action = random.nextInt(6);
            if (!placed.isEmpty() && action == 0) {
                cache.forgetPod(placed.remove(random.nextInt(placed.size())));
            } else if (!placed.isEmpty() && action == 1) {
                // A pod being deleted stays on its node until it is gone, but no longer counts; it reaches the cache as a new object.
                String uid = placed.get(random.nextInt(placed.size()));
                String node = nodeOf.get(uid);
                Pod deleting = new PodBuilder(pods.get(uid)).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
                pods.put(uid, deleting);
                cache.forgetPod(uid);
                cache.assignPod(uid, node, new PodInfo(deleting));
            } else {
                Pod p = randomPod("p" + step, random);
                String uid = "uid-" + step;
                p.getMetadata().setUid(uid);
                pods.put(uid, p);
                String node = "n" + random.nextInt(nodes);
                nodeOf.put(uid, node);
                cache.assignPod(uid, node, new PodInfo(p));
                placed.add(uid);
            }
            PodInfo incoming = new PodInfo(incoming("in" + step, random));
            List<NodeInfo> snapshot = cache.nodeList();
            List<NodeInfo> plain = new ArrayList<>(snapshot);
            List<NodeInfo> feasible = new ArrayList<>();
            for (NodeInfo n : snapshot) {
                if (random.nextInt(4) != 0) {
                    feasible.add(n);
                }
            }
            if (feasible.isEmpty()) {
                feasible.add(snapshot.get(0));
            }
            assertThat(scores(plugin, incoming, feasible, snapshot)).as("step %d", step).isEqualTo(scores(plugin, incoming, feasible, plain));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void oneLargeSelectorKeepsTheWalkedScoresAsItsPodsComeAndGo(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SchedulerCache cache = new SchedulerCache();
        int nodes = 40;
        for (int i = 0; i < nodes; i++) {
            cache.upsertNode(new NodeBuilder().withNewMetadata().withName("n" + i)
                    .withLabels(Map.of("kubernetes.io/hostname", "n" + i, "topology.kubernetes.io/zone", ZONES.get(i % 3))).endMetadata().build());
        }
        PodTopologySpread plugin = new PodTopologySpread(listers(List.of(), List.of()));
        List<String> placed = new ArrayList<>();
        Map<String, String> nodeOf = new HashMap<>();
        Map<String, Pod> pods = new HashMap<>();
        int next = 0;
        for (int cycle = 0; cycle < 60; cycle++) {
            // Many placements, then removals and terminations between cycles, all under the one selector app=web.
            for (int k = 0; k < (cycle == 0 ? 500 : 5); k++) {
                String uid = "uid-" + next;
                Pod p = new PodBuilder().withNewMetadata().withName("web-" + next++).withNamespace(random.nextInt(10) == 0 ? "other" : "shop")
                        .withUid(uid).withLabels(Map.of("app", "web")).endMetadata()
                        .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().build();
                String node = "n" + random.nextInt(nodes);
                pods.put(uid, p);
                nodeOf.put(uid, node);
                cache.assignPod(uid, node, new PodInfo(p));
                placed.add(uid);
            }
            for (int k = 0; k < 4; k++) {
                cache.forgetPod(placed.remove(random.nextInt(placed.size())));
            }
            String uid = placed.get(random.nextInt(placed.size()));
            Pod deleting = new PodBuilder(pods.get(uid)).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
            cache.forgetPod(uid);
            cache.assignPod(uid, nodeOf.get(uid), new PodInfo(deleting));
            Pod in = new PodBuilder().withNewMetadata().withName("in" + cycle).withNamespace("shop").withLabels(Map.of("app", "web")).endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer()
                    .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("kubernetes.io/hostname").withWhenUnsatisfiable("ScheduleAnyway")
                    .withNewLabelSelector().addToMatchLabels("app", "web").endLabelSelector().endTopologySpreadConstraint()
                    .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("ScheduleAnyway")
                    .withNewLabelSelector().addToMatchLabels("app", "web").endLabelSelector().endTopologySpreadConstraint()
                    .endSpec().build();
            List<NodeInfo> snapshot = cache.nodeList();
            List<NodeInfo> feasible = new ArrayList<>(snapshot);
            assertThat(scores(plugin, new PodInfo(in), feasible, snapshot)).as("cycle %d", cycle)
                    .isEqualTo(scores(plugin, new PodInfo(in), feasible, new ArrayList<>(snapshot)));
        }
    }

    private static List<Long> scores(PodTopologySpread plugin, PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all) {
        CycleState state = new CycleState();
        Status s = plugin.preScore(state, pod, feasible, all);
        List<Long> out = new ArrayList<>();
        out.add((long) s.code().ordinal());
        if (!s.isSuccess()) {
            return out;
        }
        long[] scores = new long[feasible.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = plugin.score(state, pod, feasible.get(i));
        }
        for (long v : scores) {
            out.add(v);
        }
        plugin.normalize(state, pod, feasible, scores);
        for (long v : scores) {
            out.add(v);
        }
        return out;
    }

    private static Pod randomPod(String name, SplittableRandom random) {
        String app = APPS.get(random.nextInt(APPS.size()));
        Map<String, String> labels = new HashMap<>(Map.of("app", app));
        if (random.nextBoolean()) {
            labels.put("tier", "t" + random.nextInt(2));
        }
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(random.nextInt(4) == 0 ? "other" : "shop")
                .withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec();
        return b.build();
    }

    /** An incoming pod: owned by a ReplicaSet, selected by Services, or with its own ScheduleAnyway constraints. */
    private static Pod incoming(String name, SplittableRandom random) {
        Pod p = randomPod(name, random);
        p.getMetadata().setNamespace("shop");
        switch (random.nextInt(4)) {
            case 0 -> p.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                    .withName(random.nextBoolean() ? "web-rs" : "db-rs").withController(true).withUid("rs").build()));
            case 1 -> p.getMetadata().getLabels().putAll(Map.of("app", "api", "tier", "t1"));
            default -> {
                String app = APPS.get(random.nextInt(APPS.size()));
                var selector = switch (random.nextInt(4)) {
                    case 0 -> new LabelSelectorBuilder().addToMatchLabels("app", app).build();
                    case 1 -> new LabelSelectorBuilder().addNewMatchExpression().withKey("app")
                            .withOperator("In").withValues(app, "db").endMatchExpression().build();
                    case 2 -> new LabelSelectorBuilder().addNewMatchExpression().withKey("app")
                            .withOperator("NotIn").withValues(app).endMatchExpression().build();
                    default -> new LabelSelectorBuilder().addNewMatchExpression().withKey("tier")
                            .withOperator("Exists").endMatchExpression().addToMatchLabels("app", app).build();
                };
                String key = random.nextBoolean() ? "topology.kubernetes.io/zone" : "kubernetes.io/hostname";
                List<TopologySpreadConstraint> constraints = new ArrayList<>();
                constraints.add(new TopologySpreadConstraintBuilder().withMaxSkew(1 + random.nextInt(3)).withTopologyKey(key)
                        .withWhenUnsatisfiable("ScheduleAnyway").withLabelSelector(selector)
                        .withNodeTaintsPolicy(random.nextBoolean() ? "Honor" : null).build());
                if (random.nextBoolean()) {
                    constraints.add(new TopologySpreadConstraintBuilder().withMaxSkew(2)
                            .withTopologyKey(key.equals("kubernetes.io/hostname") ? "topology.kubernetes.io/zone" : "kubernetes.io/hostname")
                            .withWhenUnsatisfiable("ScheduleAnyway").withLabelSelector(selector).build());
                }
                p.getSpec().setTopologySpreadConstraints(constraints);
            }
        }
        if (random.nextInt(4) == 0) {
            p.getSpec().setNodeSelector(Map.of("topology.kubernetes.io/zone", ZONES.get(random.nextInt(3))));
        }
        return p;
    }

    private static Service service(String name, Map<String, String> selector) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withSelector(selector).endSpec().build();
    }

    private static ReplicaSet replicaSet(String name, String app) {
        return new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", app).endSelector().endSpec().build();
    }

    private static Listers listers(List<Service> services, List<ReplicaSet> replicaSets) {
        return new Listers() {
            @Override
            public Map<String, String> namespaceLabels(String namespace) {
                return Map.of("kubernetes.io/metadata.name", namespace);
            }

            @Override
            public List<String> namespaces() {
                return List.of("shop", "other");
            }

            @Override
            public List<Service> services(String namespace) {
                return "shop".equals(namespace) ? services : List.of();
            }

            @Override
            public List<ReplicaSet> replicaSets(String namespace) {
                return "shop".equals(namespace) ? replicaSets : List.of();
            }

            @Override
            public List<StatefulSet> statefulSets(String namespace) {
                return List.of();
            }

            @Override
            public List<PodDisruptionBudget> podDisruptionBudgets(String namespace) {
                return List.of();
            }
        };
    }
}
