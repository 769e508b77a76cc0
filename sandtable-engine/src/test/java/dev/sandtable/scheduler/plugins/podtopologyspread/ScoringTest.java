package dev.sandtable.scheduler.plugins.podtopologyspread;

import static dev.sandtable.scheduler.plugins.podtopologyspread.St.BAR_SELECTOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.DO_NOT_SCHEDULE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.FOO_SELECTOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.HONOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.HOSTNAME;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.IGNORE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.SCHEDULE_ANYWAY;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.TAINTS;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.ZONE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.constraint;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.list;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.node;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.pod;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.replicaSet;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.sel;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.ParsedSelector;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports of kube-scheduler v1.31 pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go: TestPreScoreSkip,
 * TestPreScoreStateEmptyNodes and TestPodTopologySpreadScore. Feature gates are set per case as upstream sets them.
 */
class ScoringTest {
    private static final String APPS_V1 = "apps/v1";

    private static Node hn(String name) {
        return node(name).label(HOSTNAME, name).obj();
    }

    /** st.MakeNode().Name(name).Label("zone", zone).Label(v1.LabelHostname, name). */
    private static Node zh(String name, String zone) {
        return node(name).label("zone", zone).label(HOSTNAME, name).obj();
    }

    private static Pod ex(String name, String nodeName, String... labelKeys) {
        St.PodW p = pod(name).node(nodeName);
        for (String k : labelKeys) {
            p.label(k, "");
        }
        return p.obj();
    }

    private static List<Pod> pods(Pod... p) {
        return List.of(p);
    }

    // ------------------------------------------------------------------ TestPreScoreSkip

    record SkipCase(Pod pod, List<Node> nodes, List<Object> objs, List<TopologySpreadConstraint> defaults,
                    PodTopologySpread.DefaultingType type) {
        @Override
        public String toString() {
            return "";
        }
    }

    static Stream<Arguments> preScoreSkipCases() {
        return Stream.of(
                Arguments.of("the pod doesn't have soft topology spread Constraints", new SkipCase(
                        pod("p").namespace("default").obj(), list(hn("node-a"), hn("node-b")), List.of(), List.of(),
                        PodTopologySpread.DefaultingType.LIST)),
                Arguments.of("default constraints and a replicaset that doesn't match", new SkipCase(
                        pod("p").namespace("default").label("foo", "bar").label("baz", "sup").ownerReference("rs2", APPS_V1, "ReplicaSet").obj(),
                        list(node("node-a").label("planet", "mars").obj()),
                        List.of(replicaSet("default", "rs1", sel().exists("tar").obj())),
                        List.of(constraint(2, "planet", SCHEDULE_ANYWAY)), PodTopologySpread.DefaultingType.LIST)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preScoreSkipCases")
    void preScoreSkip(String name, SkipCase tt) {
        PodTopologySpread p = new PodTopologySpread(St.listers(tt.objs()), tt.defaults(), tt.type());
        List<NodeInfo> nodes = St.snapshot(List.of(), tt.nodes());
        Status s = p.preScore(new CycleState(), new PodInfo(tt.pod()), nodes, nodes);
        assertThat(s.code()).isEqualTo(Status.Code.SKIP);
    }

    // ------------------------------------------------------------------ TestPreScoreStateEmptyNodes

    /** One TestPreScoreStateEmptyNodes case; weights are given as the topology sizes fed to log(size+2). */
    static final class PS {
        Pod pod;
        List<Node> nodes;
        List<Object> objs = List.of();
        List<TopologySpreadConstraint> defaults = List.of();
        PodTopologySpread.DefaultingType type = PodTopologySpread.DefaultingType.LIST;
        List<FilteringTest.Exp> constraints = new ArrayList<>();
        Set<String> ignored = Set.of();
        Map<String, Long> pairs = new LinkedHashMap<>();
        int[] sizes;
        boolean nip;

        PS pod(Pod p) {
            pod = p;
            return this;
        }

        PS nodes(Node... n) {
            nodes = List.of(n);
            return this;
        }

        PS objs(Object... o) {
            objs = List.of(o);
            return this;
        }

        PS system() {
            type = PodTopologySpread.DefaultingType.SYSTEM;
            return this;
        }

        PS defaults(TopologySpreadConstraint... c) {
            defaults = List.of(c);
            return this;
        }

        PS c(int maxSkew, String key, LabelSelector s) {
            return c(maxSkew, key, FilteringTest.selector(s), HONOR, IGNORE);
        }

        PS c(int maxSkew, String key, LabelSelector s, String affinity, String taints) {
            return c(maxSkew, key, FilteringTest.selector(s), affinity, taints);
        }

        PS c(int maxSkew, String key, ParsedSelector s, String affinity, String taints) {
            constraints.add(new FilteringTest.Exp(maxSkew, key, s, 1, affinity, taints));
            return this;
        }

        PS ignored(String... names) {
            ignored = Set.of(names);
            return this;
        }

        /** TopologyPairToPodCounts, keyed "key/value". */
        PS pairs(Object... kv) {
            for (int i = 0; i < kv.length; i += 2) {
                pairs.put((String) kv[i], ((Integer) kv[i + 1]).longValue());
            }
            return this;
        }

        PS sizes(int... s) {
            sizes = s;
            return this;
        }

        PS nip() {
            nip = true;
            return this;
        }

        @Override
        public String toString() {
            return "";
        }
    }

    private static PS ps() {
        return new PS();
    }

    private static Node[] affinityZoneNodes() {
        return new Node[] {node("node-a").label("zone", "zone1").label("foo", "").label(HOSTNAME, "node-a").obj(),
            node("node-b").label("zone", "zone1").label("foo", "").label(HOSTNAME, "node-b").obj(),
            node("node-x").label("zone", "zone2").label(HOSTNAME, "node-x").obj()};
    }

    private static Node[] taintZoneNodes() {
        return new Node[] {node("node-a").label("zone", "zone1").label("foo", "").label(HOSTNAME, "node-a").obj(),
            node("node-b").label("zone", "zone1").label("foo", "").label(HOSTNAME, "node-b").obj(),
            node("node-x").label("zone", "zone2").label(HOSTNAME, "node-x").taints(TAINTS).obj()};
    }

    static Stream<Arguments> preScoreStateCases() {
        return Stream.of(
                Arguments.of("normal case", ps()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, FOO_SELECTOR).obj())
                        .nodes(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2"))
                        .c(1, "zone", FOO_SELECTOR).c(1, HOSTNAME, FOO_SELECTOR)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2, 3)),
                Arguments.of("null selector", ps()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, null).obj())
                        .nodes(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2"))
                        .c(1, "zone", ParsedSelector.NOTHING, HONOR, IGNORE)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2)),
                Arguments.of("node-x doesn't have label zone", ps()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR).obj())
                        .nodes(zh("node-a", "zone1"), zh("node-b", "zone1"), hn("node-x"))
                        .c(1, "zone", FOO_SELECTOR).c(1, HOSTNAME, BAR_SELECTOR)
                        .ignored("node-x").pairs("zone/zone1", 0).sizes(1, 2)),
                Arguments.of("system default constraints and a replicaset", ps()
                        .pod(pod("p").namespace("default").label("foo", "tar").label("baz", "sup")
                                .ownerReference("rs1", APPS_V1, "ReplicaSet").obj())
                        .system()
                        .nodes(node("node-a").label(HOSTNAME, "node-a").label(ZONE, "mars").obj(),
                                node("node-b").label(HOSTNAME, "node-b").label(ZONE, "mars").obj(),
                                hn("node-c"), hn("node-d"))
                        .objs(replicaSet("default", "rs1", FOO_SELECTOR))
                        .c(3, HOSTNAME, FOO_SELECTOR).c(5, ZONE, FOO_SELECTOR)
                        .pairs(ZONE + "/mars", 0, ZONE + "/", 0).sizes(4, 2)),
                Arguments.of("default constraints and a replicaset", ps()
                        .pod(pod("p").namespace("default").label("foo", "tar").label("baz", "sup")
                                .ownerReference("rs1", APPS_V1, "ReplicaSet").obj())
                        .defaults(constraint(1, HOSTNAME, SCHEDULE_ANYWAY), constraint(2, "rack", DO_NOT_SCHEDULE),
                                constraint(2, "planet", SCHEDULE_ANYWAY))
                        .nodes(node("node-a").label("rack", "rack1").label(HOSTNAME, "node-a").label("planet", "mars").obj())
                        .objs(replicaSet("default", "rs1", FOO_SELECTOR))
                        .c(1, HOSTNAME, FOO_SELECTOR).c(2, "planet", FOO_SELECTOR)
                        .pairs("planet/mars", 0).sizes(1, 1)),
                Arguments.of("default constraints and a replicaset, but pod has constraints", ps()
                        .pod(pod("p").namespace("default").label("foo", "bar").label("baz", "sup")
                                .ownerReference("rs1", APPS_V1, "ReplicaSet")
                                .spread(1, "zone", DO_NOT_SCHEDULE, BAR_SELECTOR)
                                .spread(2, "planet", SCHEDULE_ANYWAY, sel().label("baz", "sup").obj()).obj())
                        .defaults(constraint(2, "galaxy", SCHEDULE_ANYWAY))
                        .nodes(node("node-a").label("planet", "mars").label("galaxy", "andromeda").obj())
                        .objs(replicaSet("default", "rs1", FOO_SELECTOR))
                        .c(2, "planet", sel().label("baz", "sup").obj())
                        .pairs("planet/mars", 0).sizes(1)),
                Arguments.of("NodeAffinityPolicy honored with labelSelectors", ps()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR).obj())
                        .nodes(affinityZoneNodes())
                        .c(1, "zone", BAR_SELECTOR)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()),
                Arguments.of("NodeAffinityPolicy ignored with labelSelectors", ps()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR, null, IGNORE, null, null).obj())
                        .nodes(affinityZoneNodes())
                        .c(1, "zone", BAR_SELECTOR, IGNORE, IGNORE)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()),
                Arguments.of("NodeAffinityPolicy honored with nodeAffinity", ps()
                        .pod(pod("p").label("foo", "").nodeAffinityIn("foo", list("")).spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR).obj())
                        .nodes(affinityZoneNodes())
                        .c(1, "zone", BAR_SELECTOR)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()),
                Arguments.of("NodeAffinityPolicy ignored with nodeAffinity", ps()
                        .pod(pod("p").label("foo", "").nodeAffinityIn("foo", list(""))
                                .spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR, null, IGNORE, null, null).obj())
                        .nodes(affinityZoneNodes())
                        .c(1, "zone", BAR_SELECTOR, IGNORE, IGNORE)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()),
                Arguments.of("NodeTaintsPolicy honored", ps()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR, null, null, HONOR, null).obj())
                        .nodes(taintZoneNodes())
                        .c(1, "zone", BAR_SELECTOR, HONOR, HONOR)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()),
                Arguments.of("NodeTaintsPolicy ignored", ps()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, BAR_SELECTOR).obj())
                        .nodes(taintZoneNodes())
                        .c(1, "zone", BAR_SELECTOR)
                        .pairs("zone/zone1", 0, "zone/zone2", 0).sizes(2).nip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preScoreStateCases")
    void preScoreStateEmptyNodes(String name, PS tt) {
        PodTopologySpread p = new PodTopologySpread(St.listers(tt.objs), tt.defaults, tt.type);
        p.enableNodeInclusionPolicy = tt.nip;
        p.enableMatchLabelKeys = false;
        List<NodeInfo> nodes = St.snapshot(List.of(), tt.nodes);
        CycleState cs = new CycleState();
        Status s = p.preScore(cs, new PodInfo(tt.pod), nodes, nodes);
        assertThat(s.isSuccess()).as("PreScore status %s", s).isTrue();
        PreScoreState got = cs.read(PodTopologySpread.PRE_SCORE_STATE_KEY, PreScoreState.class);
        List<FilteringTest.Exp> gotConstraints = new ArrayList<>();
        for (Constraint c : got.constraints) {
            gotConstraints.add(new FilteringTest.Exp(c.maxSkew(), c.topologyKey(), c.selector(), c.minDomains(),
                    c.nodeAffinityPolicy(), c.nodeTaintsPolicy()));
        }
        assertThat(gotConstraints).hasToString(tt.constraints.toString());
        assertThat(new TreeSet<>(got.ignoredNodes)).isEqualTo(new TreeSet<>(tt.ignored));
        Map<String, Long> pairs = new LinkedHashMap<>();
        got.pairCounts.forEach((key, values) -> values.forEach((value, n) -> pairs.put(key + "/" + value, n[0])));
        assertThat(pairs).isEqualTo(tt.pairs);
        double[] want = new double[tt.sizes.length];
        for (int i = 0; i < want.length; i++) {
            want[i] = StrictMath.log(tt.sizes[i] + 2);
        }
        assertThat(got.weights).containsExactly(want);
    }

    // ------------------------------------------------------------------ TestPodTopologySpreadScore

    record ScoreCase(Pod pod, List<Pod> existing, List<Node> nodes, List<Node> failedNodes, List<Object> objs,
                     Map<String, Long> want, boolean nip, boolean mlk) {
        @Override
        public String toString() {
            return "";
        }
    }

    private static Map<String, Long> want(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Integer) kv[i + 1]).longValue());
        }
        return m;
    }

    private static ScoreCase sc(Pod pod, List<Pod> existing, List<Node> nodes, List<Node> failed, Map<String, Long> want) {
        return new ScoreCase(pod, existing, nodes, failed, List.of(), want, false, false);
    }

    private static Pod hostSpread(int maxSkew) {
        return pod("p").label("foo", "").spread(maxSkew, HOSTNAME, SCHEDULE_ANYWAY, FOO_SELECTOR).obj();
    }

    private static List<Pod> spread2103() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
                ex("p-d1", "node-d", "foo"), ex("p-d2", "node-d", "foo"), ex("p-d3", "node-d", "foo"));
    }

    private static List<Pod> spread4321() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-a3", "node-a", "foo"), ex("p-a4", "node-a", "foo"),
                ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"), ex("p-b3", "node-b", "foo"),
                ex("p-c1", "node-c", "foo"), ex("p-c2", "node-c", "foo"), ex("p-d1", "node-d", "foo"));
    }

    private static List<Pod> spread4213() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-a3", "node-a", "foo"), ex("p-a4", "node-a", "foo"),
                ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"), ex("p-x1", "node-x", "foo"),
                ex("p-y1", "node-y", "foo"), ex("p-y2", "node-y", "foo"), ex("p-y3", "node-y", "foo"));
    }

    private static List<Node> hostNodes(String... names) {
        List<Node> out = new ArrayList<>();
        for (String n : names) {
            out.add(hn(n));
        }
        return out;
    }

    private static List<Node> nodeLabelled(boolean cTainted, boolean abFoo) {
        St.NodeW a = node("node-a").label("node", "node-a");
        St.NodeW b = node("node-b").label("node", "node-b");
        St.NodeW c = node("node-c").label("node", "node-c");
        if (abFoo) {
            a.label("foo", "");
            b.label("foo", "");
        }
        if (cTainted) {
            c.taints(TAINTS);
        }
        return list(a.obj(), b.obj(), c.obj());
    }

    private static List<Pod> policyPods() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"), ex("p-c1", "node-c", "foo"));
    }

    private static List<Pod> labelKeyPods() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo", "bar"), ex("p-y1", "node-c", "foo"), ex("p-y2", "node-c", "bar"));
    }

    private static List<Node> labelKeyNodes() {
        return list(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-c", "zone2"), zh("node-d", "zone2"));
    }

    static Stream<Arguments> scoreCases() {
        return Stream.of(
                Arguments.of("one constraint on node, no existing pods", sc(hostSpread(1), pods(), hostNodes("node-a", "node-b"), List.of(),
                        want("node-a", 100, "node-b", 100))),
                Arguments.of("one constraint on node, only one node is candidate", sc(hostSpread(1),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo")),
                        hostNodes("node-a"), hostNodes("node-b"), want("node-a", 100))),
                Arguments.of("one constraint on node, all nodes have the same number of matching pods", sc(hostSpread(1),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo")), hostNodes("node-a", "node-b"), List.of(),
                        want("node-a", 100, "node-b", 100))),
                Arguments.of("one constraint on node, all 4 nodes are candidates", sc(hostSpread(1), spread2103(),
                        hostNodes("node-a", "node-b", "node-c", "node-d"), List.of(),
                        want("node-a", 20, "node-b", 60, "node-c", 100, "node-d", 0))),
                Arguments.of("one constraint on node, null selector", sc(
                        pod("p").label("foo", "").spread(1, HOSTNAME, SCHEDULE_ANYWAY, null).obj(), spread2103(),
                        hostNodes("node-a", "node-b", "node-c", "node-d"), List.of(),
                        want("node-a", 100, "node-b", 100, "node-c", 100, "node-d", 100))),
                Arguments.of("one constraint on node, all 4 nodes are candidates, maxSkew=2", sc(hostSpread(2), spread2103(),
                        hostNodes("node-a", "node-b", "node-c", "node-d"), List.of(),
                        want("node-a", 33, "node-b", 66, "node-c", 100, "node-d", 16))),
                Arguments.of("one constraint on node, all 4 nodes are candidates, maxSkew=3", sc(hostSpread(3), spread4321(),
                        hostNodes("node-a", "node-b", "node-c", "node-d"), List.of(),
                        want("node-a", 44, "node-b", 66, "node-c", 77, "node-d", 100))),
                Arguments.of("system defaulting, nodes don't have zone, pods match service", new ScoreCase(
                        pod("p").label("foo", "").obj(), spread4321(), hostNodes("node-a", "node-b", "node-c", "node-d"), List.of(),
                        List.of(service("", Map.of("foo", ""))),
                        want("node-a", 44, "node-b", 66, "node-c", 77, "node-d", 100), false, false)),
                Arguments.of("one constraint on node, 3 out of 4 nodes are candidates", sc(hostSpread(1), spread4213(),
                        hostNodes("node-a", "node-b", "node-x"), hostNodes("node-y"),
                        want("node-a", 33, "node-b", 83, "node-x", 100))),
                Arguments.of("one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key", sc(hostSpread(1),
                        spread4213(), list(hn("node-a"), node("node-b").label("n", "node-b").obj(), hn("node-x")), hostNodes("node-y"),
                        want("node-a", 16, "node-b", 0, "node-x", 100))),
                Arguments.of("one constraint on zone, 3 out of 4 nodes are candidates", sc(
                        pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR).obj(), spread4213(),
                        list(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2")), list(zh("node-y", "zone2")),
                        want("node-a", 75, "node-b", 75, "node-x", 100))),
                Arguments.of("two Constraints on zone and node, 2 out of 4 nodes are candidates", sc(
                        pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, FOO_SELECTOR).obj(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
                                ex("p-x1", "node-x", "foo"), ex("p-x2", "node-x", "foo"), ex("p-y1", "node-y", "foo"),
                                ex("p-y2", "node-y", "foo"), ex("p-y3", "node-y", "foo"), ex("p-y4", "node-y", "foo")),
                        list(zh("node-a", "zone1"), zh("node-x", "zone2")), list(zh("node-b", "zone1"), zh("node-y", "zone2")),
                        want("node-a", 100, "node-x", 63))),
                Arguments.of("two Constraints on zone and node, with different labelSelectors", sc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR).obj(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo", "bar"), ex("p-y1", "node-y", "foo"),
                                ex("p-y2", "node-y", "bar")),
                        list(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2"), zh("node-y", "zone2")), List.of(),
                        want("node-a", 60, "node-b", 20, "node-x", 100, "node-y", 60))),
                Arguments.of("two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods", sc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR).obj(),
                        pods(ex("p-b1", "node-b", "bar"), ex("p-x1", "node-x", "foo"), ex("p-y1", "node-y", "foo", "bar")),
                        list(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2"), zh("node-y", "zone2")), List.of(),
                        want("node-a", 100, "node-b", 60, "node-x", 40, "node-y", 0))),
                Arguments.of("two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates", sc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR).obj(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo", "bar"), ex("p-y1", "node-y", "foo"),
                                ex("p-y2", "node-y", "bar")),
                        list(zh("node-a", "zone1"), zh("node-b", "zone1"), zh("node-x", "zone2")), list(zh("node-y", "zone2")),
                        want("node-a", 50, "node-b", 25, "node-x", 100))),
                Arguments.of("existing pods in a different namespace do not count", sc(hostSpread(1),
                        pods(pod("p-a1").namespace("ns1").node("node-a").label("foo", "").obj(), ex("p-a2", "node-a", "foo"),
                                ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo")),
                        hostNodes("node-a", "node-b"), List.of(), want("node-a", 100, "node-b", 33))),
                Arguments.of("terminating Pods should be excluded", sc(hostSpread(1),
                        pods(pod("p-a").node("node-a").label("foo", "").terminating().obj(), ex("p-b", "node-b", "foo")),
                        hostNodes("node-a", "node-b"), List.of(), want("node-a", 100, "node-b", 0))),
                Arguments.of("minDomains has no effect when ScheduleAnyway", sc(
                        pod("p").label("foo", "").spread(2, "node", SCHEDULE_ANYWAY, FOO_SELECTOR, 10, null, null, null).obj(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
                                ex("p-b2", "node-b", "foo"), ex("p-c1", "node-c", "foo")),
                        nodeLabelled(false, false), List.of(), want("node-a", 75, "node-b", 75, "node-c", 100))),
                Arguments.of("NodeAffinityPolicy honoed with labelSelectors", new ScoreCase(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR).obj(),
                        policyPods(), nodeLabelled(false, true), List.of(), List.of(),
                        want("node-a", 0, "node-b", 33, "node-c", 100), true, false)),
                Arguments.of("NodeAffinityPolicy ignored with labelSelectors", new ScoreCase(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        policyPods(), nodeLabelled(false, true), List.of(), List.of(),
                        want("node-a", 66, "node-b", 100, "node-c", 100), true, false)),
                Arguments.of("NodeAffinityPolicy honoed with nodeAffinity", new ScoreCase(
                        pod("p").label("foo", "").nodeAffinityIn("foo", list("")).spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR).obj(),
                        policyPods(), nodeLabelled(false, true), List.of(), List.of(),
                        want("node-a", 0, "node-b", 33, "node-c", 100), true, false)),
                Arguments.of("NodeAffinityPolicy ignored with nodeAffinity", new ScoreCase(
                        pod("p").label("foo", "").nodeAffinityIn("foo", list(""))
                                .spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        policyPods(), nodeLabelled(false, true), List.of(), List.of(),
                        want("node-a", 66, "node-b", 100, "node-c", 100), true, false)),
                Arguments.of("NodeTaintsPolicy honored", new ScoreCase(
                        pod("p").label("foo", "").spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR, null, null, HONOR, null).obj(),
                        policyPods(), nodeLabelled(true, false), List.of(), List.of(),
                        want("node-a", 0, "node-b", 33, "node-c", 100), true, false)),
                Arguments.of("NodeTaintsPolicy ignored", new ScoreCase(
                        pod("p").label("foo", "").spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR).obj(),
                        policyPods(), nodeLabelled(true, false), List.of(), List.of(),
                        want("node-a", 66, "node-b", 100, "node-c", 100), true, false)),
                Arguments.of("matchLabelKeys ignored when feature gate disabled", new ScoreCase(
                        pod("p").label("foo", "").label("bar", "").label("baz", "")
                                .spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR, null, null, null, list("baz"))
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR, null, null, null, list("baz")).obj(),
                        labelKeyPods(), labelKeyNodes(), List.of(), List.of(),
                        want("node-a", 60, "node-b", 20, "node-c", 60, "node-d", 100), false, false)),
                Arguments.of("matchLabelKeys ANDed with LabelSelector when LabelSelector is empty", new ScoreCase(
                        pod("p").label("foo", "").label("bar", "")
                                .spread(1, "zone", SCHEDULE_ANYWAY, sel().obj(), null, null, null, list("foo"))
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, sel().obj(), null, null, null, list("bar")).obj(),
                        labelKeyPods(), labelKeyNodes(), List.of(), List.of(),
                        want("node-a", 60, "node-b", 20, "node-c", 60, "node-d", 100), false, true)),
                Arguments.of("matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty", new ScoreCase(
                        pod("p").label("foo", "").label("bar", "").label("baz", "")
                                .spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, BAR_SELECTOR, null, null, null, list("baz")).obj(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo", "bar", "baz"), ex("p-c1", "node-c", "foo"),
                                ex("p-c2", "node-c", "bar"), ex("p-d3", "node-c", "bar", "baz")),
                        labelKeyNodes(), List.of(), List.of(),
                        want("node-a", 60, "node-b", 20, "node-c", 60, "node-d", 100), false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreCases")
    void podTopologySpreadScore(String name, ScoreCase tt) {
        List<Node> allNodes = new ArrayList<>(tt.nodes());
        allNodes.addAll(tt.failedNodes());
        List<NodeInfo> all = St.snapshot(tt.existing(), allNodes);
        List<NodeInfo> feasible = all.subList(0, tt.nodes().size());
        PodTopologySpread p = new PodTopologySpread(St.listers(tt.objs()), List.of(), PodTopologySpread.DefaultingType.SYSTEM);
        p.enableNodeInclusionPolicy = tt.nip();
        p.enableMatchLabelKeys = tt.mlk();
        PodInfo pod = new PodInfo(tt.pod());
        CycleState state = new CycleState();
        Status s = p.preScore(state, pod, feasible, all);
        assertThat(s.isSuccess()).as("PreScore status %s", s).isTrue();
        long[] scores = new long[feasible.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = p.score(state, pod, feasible.get(i));
        }
        p.normalize(state, pod, feasible, scores);
        Map<String, Long> got = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            got.put(feasible.get(i).name(), scores[i]);
        }
        assertThat(got).containsExactlyEntriesOf(tt.want());
    }
}
