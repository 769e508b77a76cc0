package dev.sandtable.scheduler.plugins.interpodaffinity;

import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.namespaces;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.node;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.pod;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.req;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.selector;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-cycle index must give exactly what upstream's per-pod loops give: random clusters are mutated step
 * by step (pods bound and removed, nodes relabelled, added and dropped, node lists rebuilt) and every step's
 * PreFilter, Filter, PreScore, Score and NormalizeScore are compared between an indexed plugin and a walking one.
 */
class InterPodAffinityIndexEquivalenceTest {
    private static final String[] KEYS = {"zone", "region", "hostname", "rack"};
    private static final String[] NAMESPACES = {"ns0", "ns1", "ns2"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 1000L + i * 7919L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void indexMatchesPerPodWalk(long seed) {
        Random r = new Random(seed);
        Map<String, Map<String, String>> nsLabels = new LinkedHashMap<>();
        nsLabels.put("ns0", Map.of("team", "a"));
        nsLabels.put("ns1", Map.of("team", "b"));
        nsLabels.put("ns2", Map.of("team", "a", "env", "prod"));
        Listers listers = namespaces(nsLabels);
        int hard = r.nextInt(3);
        boolean ignore = r.nextInt(4) == 0;
        InterPodAffinity indexed = new InterPodAffinity(listers, hard, ignore, true);
        InterPodAffinity walking = new InterPodAffinity(listers, hard, ignore, false);

        List<NodeInfo> nodes = new ArrayList<>();
        int nodeSeq = 0;
        int uid = 0;
        for (int i = 0; i < 4 + r.nextInt(8); i++) {
            nodes.add(new NodeInfo(node("n" + nodeSeq, nodeLabels(r, "n" + nodeSeq))));
            nodeSeq++;
        }
        List<String[]> placed = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int op = r.nextInt(10);
            if (op < 5 || placed.isEmpty()) {
                NodeInfo n = nodes.get(r.nextInt(nodes.size()));
                String id = "u" + (uid++);
                n.addPod(id, new PodInfo(randomPod(r, n.name())));
                placed.add(new String[] {n.name(), id});
            } else if (op < 7) {
                String[] victim = placed.remove(r.nextInt(placed.size()));
                nodes.stream().filter(n -> n.name().equals(victim[0])).forEach(n -> n.removePod(victim[1]));
            } else if (op == 7) {
                NodeInfo n = nodes.get(r.nextInt(nodes.size()));
                n.setNode(node(n.name(), nodeLabels(r, n.name())));
            } else if (op == 8 && nodes.size() > 2) {
                nodes = new ArrayList<>(nodes);
                NodeInfo gone = nodes.remove(r.nextInt(nodes.size()));
                placed.removeIf(p -> p[0].equals(gone.name()));
            } else {
                nodes = new ArrayList<>(nodes);
                nodes.add(new NodeInfo(node("n" + nodeSeq, nodeLabels(r, "n" + nodeSeq))));
                nodeSeq++;
            }
            for (int k = 0; k < 3; k++) {
                compare(indexed, walking, new PodInfo(randomPod(r, null)), nodes, "seed " + seed + " step " + step);
            }
        }
    }

    private static void compare(InterPodAffinity indexed, InterPodAffinity walking, PodInfo pod, List<NodeInfo> nodes, String where) {
        CycleState si = new CycleState();
        CycleState sw = new CycleState();
        Status pi = indexed.preFilter(si, pod, nodes);
        Status pw = walking.preFilter(sw, pod, nodes);
        assertThat(pi).as(where + " PreFilter").isEqualTo(pw);
        if (pi.isSuccess()) {
            for (NodeInfo n : nodes) {
                assertThat(indexed.filter(si, pod, n)).as(where + " Filter " + n.name()).isEqualTo(walking.filter(sw, pod, n));
            }
        }
        Status qi = indexed.preScore(si, pod, nodes, nodes);
        Status qw = walking.preScore(sw, pod, nodes, nodes);
        assertThat(qi).as(where + " PreScore").isEqualTo(qw);
        if (qi.isSuccess()) {
            long[] a = new long[nodes.size()];
            long[] b = new long[nodes.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = indexed.score(si, pod, nodes.get(i));
                b[i] = walking.score(sw, pod, nodes.get(i));
            }
            assertThat(a).as(where + " Score").isEqualTo(b);
            indexed.normalize(si, pod, nodes, a);
            walking.normalize(sw, pod, nodes, b);
            assertThat(a).as(where + " NormalizeScore").isEqualTo(b);
        }
    }

    private static Map<String, String> nodeLabels(Random r, String name) {
        Map<String, String> l = new LinkedHashMap<>();
        if (r.nextInt(6) != 0) {
            l.put("zone", "z" + r.nextInt(3));
        }
        if (r.nextInt(4) != 0) {
            l.put("region", "r" + r.nextInt(2));
        }
        if (r.nextInt(8) != 0) {
            l.put("hostname", name);
        }
        return l;
    }

    private static Pod randomPod(Random r, String nodeName) {
        AffinityPods.PodB b = pod().namespace(NAMESPACES[r.nextInt(NAMESPACES.length)]).node(nodeName);
        if (r.nextInt(5) != 0) {
            b.label("app", "a" + r.nextInt(4));
        }
        if (r.nextBoolean()) {
            b.label("tier", "t" + r.nextInt(2));
        }
        int kind = r.nextInt(4);
        if (kind == 0) {
            return b.obj();
        }
        if (r.nextInt(3) == 0) {
            b.requiredAffinity(randomTerm(r).obj());
        }
        if (r.nextInt(2) == 0) {
            b.requiredAntiAffinity(randomTerm(r).obj());
            if (r.nextInt(3) == 0) {
                b.requiredAntiAffinity(randomTerm(r).obj());
            }
        }
        if (r.nextInt(2) == 0) {
            b.preferredAffinity(randomTerm(r).weighted(1 + r.nextInt(100)));
        }
        if (r.nextInt(2) == 0) {
            b.preferredAntiAffinity(randomTerm(r).weighted(1 + r.nextInt(100)));
        }
        if (r.nextInt(6) == 0) {
            b.bothStanzas();
        }
        return b.obj();
    }

    private static AffinityPods.TermB randomTerm(Random r) {
        AffinityPods.TermB t = term(KEYS[r.nextInt(KEYS.length)]);
        switch (r.nextInt(4)) {
            case 0 -> t.in("app", "a" + r.nextInt(4), "a" + r.nextInt(4));
            case 1 -> t.notIn("tier", "t" + r.nextInt(2));
            case 2 -> t.exists("app");
            default -> t.in("app", "a" + r.nextInt(4)).doesNotExist("tier");
        }
        switch (r.nextInt(5)) {
            case 0 -> t.namespaces(NAMESPACES[r.nextInt(NAMESPACES.length)]);
            case 1 -> t.namespaceSelector(selector(req("team", "In", "a")));
            case 2 -> t.namespaceSelector(new LabelSelector());
            case 3 -> t.namespaces("ns1").namespaceSelector(selector(req("env", "Exists")));
            default -> {
            }
        }
        return t;
    }
}
