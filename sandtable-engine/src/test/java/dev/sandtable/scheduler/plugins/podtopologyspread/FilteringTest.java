package dev.sandtable.scheduler.plugins.podtopologyspread;

import static dev.sandtable.scheduler.plugins.podtopologyspread.St.BAR_SELECTOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.DO_NOT_SCHEDULE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.FOO_SELECTOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.HONOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.IGNORE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.SCHEDULE_ANYWAY;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.TAINTS;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.constraint;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.list;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.node;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.pod;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.sel;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.ParsedSelector;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import dev.sandtable.scheduler.framework.Status.Code;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports of kube-scheduler v1.31 pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go:
 * TestPreFilterState, TestSingleConstraint, TestMultipleConstraints and TestPreFilterDisabled. Each case runs with
 * the feature-gate values the upstream case sets on the plugin (unset means disabled there, as upstream does).
 */
class FilteringTest {
    private static final Code S = Code.SUCCESS;
    private static final Code U = Code.UNSCHEDULABLE;
    private static final Code UU = Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    private static final int MAX = Integer.MAX_VALUE;
    private static final String UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";

    // ------------------------------------------------------------------ fixtures

    /** st.MakeNode().Name(name).Label("zone", zone).Label("node", name). */
    private static Node zn(String name, String zone) {
        return node(name).label("zone", zone).label("node", name).obj();
    }

    private static List<Node> fourNodes() {
        return list(zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-x", "zone2"), zn("node-y", "zone2"));
    }

    /** An existing pod bound to a node, with the given label keys set to "". */
    private static Pod ex(String name, String nodeName, String... labelKeys) {
        St.PodW p = pod(name).node(nodeName);
        for (String k : labelKeys) {
            p.label(k, "");
        }
        return p.obj();
    }

    private static Pod exNs(String name, String ns, String nodeName, String... labelKeys) {
        Pod p = ex(name, nodeName, labelKeys);
        p.getMetadata().setNamespace(ns);
        return p;
    }

    private static Map<String, Code> want(Object... kv) {
        Map<String, Code> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Code) kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Integer> ints(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    static ParsedSelector selector(LabelSelector ls) {
        try {
            return ParsedSelector.parse(ls);
        } catch (ParsedSelector.InvalidSelectorException e) {
            throw new AssertionError(e);
        }
    }

    private static PodTopologySpread plugin(List<?> objs, List<TopologySpreadConstraint> defaults, boolean nip, boolean mlk) {
        PodTopologySpread p = new PodTopologySpread(St.listers(objs), defaults, PodTopologySpread.DefaultingType.LIST);
        p.enableNodeInclusionPolicy = nip;
        p.enableMatchLabelKeys = mlk;
        return p;
    }

    // ------------------------------------------------------------------ TestPreFilterState

    /** An expected parsed constraint. */
    record Exp(int maxSkew, String key, ParsedSelector selector, int minDomains, String affinityPolicy, String taintsPolicy) {
        @Override
        public String toString() {
            return maxSkew + " " + key + " [" + selector + "] " + minDomains + " " + affinityPolicy + "/" + taintsPolicy;
        }
    }

    /** One TestPreFilterState case; a null constraints list means PreFilter is expected to return Skip. */
    static final class PF {
        Pod pod;
        List<Node> nodes = List.of();
        List<Pod> existing = List.of();
        List<Object> objs = List.of();
        List<TopologySpreadConstraint> defaults = List.of();
        List<Exp> constraints = new ArrayList<>();
        boolean skip;
        Map<String, Integer> domains = new LinkedHashMap<>();
        Map<String, Integer> mins = new LinkedHashMap<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        boolean nip;
        boolean mlk;

        PF pod(Pod p) {
            pod = p;
            return this;
        }

        PF nodes(List<Node> n) {
            nodes = n;
            return this;
        }

        PF existing(Pod... p) {
            existing = List.of(p);
            return this;
        }

        PF objs(Object... o) {
            objs = List.of(o);
            return this;
        }

        PF defaults(TopologySpreadConstraint... c) {
            defaults = List.of(c);
            return this;
        }

        PF c(int maxSkew, String key, LabelSelector s) {
            return c(maxSkew, key, selector(s), HONOR, IGNORE);
        }

        PF c(int maxSkew, String key, ParsedSelector s, String affinity, String taints) {
            constraints.add(new Exp(maxSkew, key, s, 1, affinity, taints));
            return this;
        }

        PF c(int maxSkew, String key, LabelSelector s, String affinity, String taints) {
            return c(maxSkew, key, selector(s), affinity, taints);
        }

        PF skip() {
            skip = true;
            return this;
        }

        PF domains(Object... kv) {
            domains = ints(kv);
            return this;
        }

        /** TpKeyToCriticalPaths[key][0].MatchNum. */
        PF mins(Object... kv) {
            mins = ints(kv);
            return this;
        }

        /** TpPairToMatchNum, keyed "key/value". */
        PF pairs(Object... kv) {
            pairs = ints(kv);
            return this;
        }

        PF nip() {
            nip = true;
            return this;
        }

        PF mlk() {
            mlk = true;
            return this;
        }

        @Override
        public String toString() {
            return "";
        }
    }

    private static PF pf() {
        return new PF();
    }

    private static Pod[] fiveFooPods() {
        return new Pod[] {ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
            ex("p-y1", "node-y", "foo"), ex("p-y2", "node-y", "foo")};
    }

    private static Pod[] sevenFooPods() {
        return new Pod[] {ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
            ex("p-y1", "node-y", "foo"), ex("p-y2", "node-y", "foo"), ex("p-y3", "node-y", "foo"), ex("p-y4", "node-y", "foo")};
    }

    private static Pod[] fiveFooAPods() {
        return new Pod[] {pod("p-a1").node("node-a").label("foo", "a").obj(), pod("p-a2").node("node-a").label("foo", "a").obj(),
            pod("p-b1").node("node-b").label("foo", "a").obj(), pod("p-y1").node("node-y").label("foo", "a").obj(),
            pod("p-y2").node("node-y").label("foo", "a").obj()};
    }

    private static List<Node> threeNodesAffinity() {
        return list(node("node-a").label("node", "node-a").label("foo", "").obj(),
                node("node-b").label("node", "node-b").label("foo", "").obj(),
                node("node-c").label("node", "node-c").label("bar", "").obj());
    }

    private static List<Node> threeNodesTaint() {
        return list(node("node-a").label("node", "node-a").obj(), node("node-b").label("node", "node-b").obj(),
                node("node-c").label("node", "node-c").taints(TAINTS).label("bar", "").obj());
    }

    private static Pod[] barPodsABBC() {
        return new Pod[] {ex("p-a", "node-a", "bar"), ex("p-b", "node-b", "bar"), ex("p-c", "node-b", "bar"), ex("p-d", "node-c")};
    }

    static Stream<Arguments> preFilterStateCases() {
        return Stream.of(
                Arguments.of("clean cluster with one spreadConstraint", pf()
                        .pod(pod("p").label("foo", "").spread(5, "zone", DO_NOT_SCHEDULE, sel().label("foo", "bar").obj()).obj())
                        .nodes(fourNodes())
                        .c(5, "zone", sel().label("foo", "bar").obj())
                        .domains("zone", 2).mins("zone", 0).pairs("zone/zone1", 0, "zone/zone2", 0)),
                Arguments.of("normal case with one spreadConstraint", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(fourNodes()).existing(fiveFooPods())
                        .c(1, "zone", FOO_SELECTOR)
                        .domains("zone", 2).mins("zone", 2).pairs("zone/zone1", 3, "zone/zone2", 2)),
                Arguments.of("normal case with null label selector", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, null).obj())
                        .nodes(fourNodes()).existing(fiveFooPods())
                        .c(1, "zone", ParsedSelector.NOTHING, HONOR, IGNORE)
                        .domains("zone", 2).mins("zone", 0).pairs("zone/zone1", 0, "zone/zone2", 0)),
                Arguments.of("normal case with one spreadConstraint, on a 3-zone cluster", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(list(zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-x", "zone2"), zn("node-y", "zone2"),
                                zn("node-o", "zone3"), zn("node-p", "zone3")))
                        .existing(fiveFooPods())
                        .c(1, "zone", FOO_SELECTOR)
                        .domains("zone", 3).mins("zone", 0).pairs("zone/zone1", 3, "zone/zone2", 2, "zone/zone3", 0)),
                Arguments.of("namespace mismatch doesn't count", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(fourNodes())
                        .existing(ex("p-a1", "node-a", "foo"), exNs("p-a2", "ns1", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
                                exNs("p-y1", "ns2", "node-y", "foo"), ex("p-y2", "node-y", "foo"))
                        .c(1, "zone", FOO_SELECTOR)
                        .domains("zone", 2).mins("zone", 1).pairs("zone/zone1", 2, "zone/zone2", 1)),
                Arguments.of("normal case with two spreadConstraints", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(fourNodes()).existing(sevenFooPods())
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 4).mins("zone", 3, "node", 0)
                        .pairs("zone/zone1", 3, "zone/zone2", 4, "node/node-a", 2, "node/node-b", 1, "node/node-x", 0, "node/node-y", 4)),
                Arguments.of("soft spreadConstraints should be bypassed", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).spread(1, "node", SCHEDULE_ANYWAY, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(list(zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-y", "zone2")))
                        .existing(sevenFooPods())
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 3).mins("zone", 3, "node", 1)
                        .pairs("zone/zone1", 3, "zone/zone2", 4, "node/node-a", 2, "node/node-b", 1, "node/node-y", 4)),
                Arguments.of("different labelSelectors - simple version", pf()
                        .pod(pod("p").label("foo", "").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(list(zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-y", "zone2")))
                        .existing(ex("p-a", "node-a", "foo"), ex("p-b", "node-b", "bar"))
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", BAR_SELECTOR)
                        .domains("zone", 2, "node", 3).mins("zone", 0, "node", 0)
                        .pairs("zone/zone1", 1, "zone/zone2", 0, "node/node-a", 0, "node/node-b", 1, "node/node-y", 0)),
                Arguments.of("different labelSelectors - complex pods", pf()
                        .pod(pod("p").label("foo", "").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(list(zn("node-a", "zone1"), zn("node-b", "zone1"), zn("node-y", "zone2")))
                        .existing(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo", "bar"), ex("p-b1", "node-b", "foo"),
                                ex("p-y1", "node-y", "foo"), ex("p-y2", "node-y", "foo", "bar"), ex("p-y3", "node-y", "foo"),
                                ex("p-y4", "node-y", "foo", "bar"))
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", BAR_SELECTOR)
                        .domains("zone", 2, "node", 3).mins("zone", 3, "node", 0)
                        .pairs("zone/zone1", 3, "zone/zone2", 4, "node/node-a", 1, "node/node-b", 0, "node/node-y", 2)),
                Arguments.of("two spreadConstraints, and with podAffinity", pf()
                        .pod(pod("p").label("foo", "").nodeAffinityNotIn("node", list("node-x"))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(fourNodes()).existing(sevenFooPods())
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 3).mins("zone", 3, "node", 1)
                        .pairs("zone/zone1", 3, "zone/zone2", 4, "node/node-a", 2, "node/node-b", 1, "node/node-y", 4)),
                Arguments.of("default constraints and a service", pf()
                        .pod(pod("p").label("foo", "bar").label("baz", "kar").obj())
                        .defaults(constraint(3, "node", DO_NOT_SCHEDULE), constraint(2, "node", SCHEDULE_ANYWAY),
                                constraint(5, "rack", DO_NOT_SCHEDULE))
                        .objs(service("", Map.of("foo", "bar")))
                        .c(3, "node", sel().label("foo", "bar").obj()).c(5, "rack", sel().label("foo", "bar").obj())
                        .mins("node", MAX, "rack", MAX)),
                Arguments.of("default constraints and a service that doesn't match", pf()
                        .pod(pod("p").label("foo", "bar").obj())
                        .defaults(constraint(3, "node", DO_NOT_SCHEDULE))
                        .objs(service("", Map.of("baz", "kep")))
                        .skip()),
                Arguments.of("default constraints and a service, but pod has constraints", pf()
                        .pod(pod("p").label("foo", "bar").label("baz", "tar")
                                .spread(1, "zone", DO_NOT_SCHEDULE, sel().label("baz", "tar").obj())
                                .spread(2, "planet", SCHEDULE_ANYWAY, sel().label("fot", "rok").obj()).obj())
                        .defaults(constraint(2, "node", DO_NOT_SCHEDULE))
                        .objs(service("", Map.of("foo", "bar")))
                        .c(1, "zone", sel().label("baz", "tar").obj())
                        .mins("zone", MAX)),
                Arguments.of("default soft constraints and a service", pf()
                        .pod(pod("p").label("foo", "bar").obj())
                        .defaults(constraint(2, "node", SCHEDULE_ANYWAY))
                        .objs(service("", Map.of("foo", "bar")))
                        .skip()),
                Arguments.of("TpKeyToDomainsNum is calculated when MinDomains is enabled", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(fourNodes()).existing(sevenFooPods())
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 4).mins("zone", 3, "node", 0)
                        .pairs("zone/zone1", 3, "zone/zone2", 4, "node/node-a", 2, "node/node-b", 1, "node/node-x", 0, "node/node-y", 4)),
                Arguments.of("feature gate disabled with NodeAffinityPolicy", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(threeNodesAffinity()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR)
                        .domains("node", 2).mins("node", 1).pairs("node/node-a", 1, "node/node-b", 2)),
                Arguments.of("NodeAffinityPolicy honored with labelSelectors", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(threeNodesAffinity()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR)
                        .domains("node", 2).mins("node", 1).pairs("node/node-a", 1, "node/node-b", 2).nip()),
                Arguments.of("NodeAffinityPolicy ignored with labelSelectors", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR, null, IGNORE, null, null).obj())
                        .nodes(threeNodesAffinity()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR, IGNORE, IGNORE)
                        .domains("node", 3).mins("node", 0).pairs("node/node-a", 1, "node/node-b", 2, "node/node-c", 0).nip()),
                Arguments.of("NodeAffinityPolicy honored with nodeAffinity", pf()
                        .pod(pod("p").label("foo", "").nodeAffinityIn("foo", list("")).spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(threeNodesAffinity())
                        .existing(ex("p-a", "node-a", "bar"), ex("p-c", "node-b", "bar"), ex("p-d", "node-b", "bar"), ex("p-e", "node-c"))
                        .c(1, "node", BAR_SELECTOR)
                        .domains("node", 2).mins("node", 1).pairs("node/node-a", 1, "node/node-b", 2).nip()),
                Arguments.of("NodeAffinityPolicy ignored with nodeAffinity", pf()
                        .pod(pod("p").label("foo", "").nodeAffinityIn("foo", list(""))
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR, null, IGNORE, null, null).obj())
                        .nodes(threeNodesAffinity()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR, IGNORE, IGNORE)
                        .domains("node", 3).mins("node", 0).pairs("node/node-a", 1, "node/node-b", 2, "node/node-c", 0).nip()),
                Arguments.of("feature gate disabled with NodeTaintsPolicy", pf()
                        .pod(pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(threeNodesTaint()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR)
                        .domains("node", 3).mins("node", 0).pairs("node/node-a", 1, "node/node-b", 2, "node/node-c", 0)),
                Arguments.of("NodeTaintsPolicy ignored", pf()
                        .pod(pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj())
                        .nodes(threeNodesTaint()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR)
                        .domains("node", 3).mins("node", 0).pairs("node/node-a", 1, "node/node-b", 2, "node/node-c", 0).nip()),
                Arguments.of("NodeTaintsPolicy honored", pf()
                        .pod(pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR, null, null, HONOR, null).obj())
                        .nodes(threeNodesTaint()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR, HONOR, HONOR)
                        .domains("node", 2).mins("node", 1).pairs("node/node-a", 1, "node/node-b", 2).nip()),
                Arguments.of("NodeTaintsPolicy honored with tolerated taints", pf()
                        .pod(pod("p").label("foo", "").toleration(UNSCHEDULABLE_TAINT)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR, null, null, HONOR, null).obj())
                        .nodes(threeNodesTaint()).existing(barPodsABBC())
                        .c(1, "node", BAR_SELECTOR, HONOR, HONOR)
                        .domains("node", 3).mins("node", 0).pairs("node/node-a", 1, "node/node-b", 2, "node/node-c", 0).nip()),
                Arguments.of("two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null).obj())
                        .nodes(list(node("node-a").label("zone", "zone1").label("node", "node-a").label("foo", "").obj(),
                                node("node-b").label("zone", "zone1").label("node", "node-b").obj(),
                                node("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").obj()))
                        .existing(ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"), ex("p-x1", "node-x", "foo"))
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR, IGNORE, IGNORE)
                        .domains("zone", 2, "node", 3).mins("zone", 0, "node", 0)
                        .pairs("zone/zone1", 0, "zone/zone2", 1, "node/node-a", 0, "node/node-b", 2, "node/node-x", 1).nip()),
                Arguments.of("two node inclusion Constraints, zone: honor/honor, node: honor/ignore", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, HONOR, null)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(list(node("node-a").label("zone", "zone1").label("node", "node-a").label("foo", "").obj(),
                                node("node-b").label("zone", "zone1").label("node", "node-b").taints(TAINTS).obj(),
                                node("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").obj()))
                        .existing(ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"), ex("p-x1", "node-x", "foo"))
                        .c(1, "zone", FOO_SELECTOR, HONOR, HONOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 3).mins("zone", 0, "node", 0)
                        .pairs("zone/zone1", 0, "zone/zone2", 1, "node/node-a", 0, "node/node-b", 2, "node/node-x", 1).nip()),
                Arguments.of("two node inclusion Constraints, zone: honor/ignore, node: honor/ignore", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj())
                        .nodes(list(node("node-a").label("zone", "zone1").label("node", "node-a").obj(),
                                node("node-b").label("zone", "zone1").label("node", "node-b").label("foo", "").taints(TAINTS).obj(),
                                node("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").obj(),
                                node("node-y").label("zone", "zone2").label("node", "node-y").obj()))
                        .existing(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-x1", "node-x", "foo"),
                                ex("p-y1", "node-y", "foo"))
                        .c(1, "zone", FOO_SELECTOR).c(1, "node", FOO_SELECTOR)
                        .domains("zone", 2, "node", 2).mins("zone", 0, "node", 0)
                        .pairs("zone/zone1", 0, "zone/zone2", 1, "node/node-b", 0, "node/node-x", 1).nip()),
                Arguments.of("two node inclusion Constraints, zone: ignore/ignore, node: honor/honor", pf()
                        .pod(pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, HONOR, null).obj())
                        .nodes(list(node("node-a").label("zone", "zone1").label("node", "node-a").obj(),
                                node("node-b").label("zone", "zone1").label("node", "node-b").label("foo", "").taints(TAINTS).obj(),
                                node("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").obj(),
                                node("node-y").label("zone", "zone2").label("node", "node-y").label("foo", "").obj()))
                        .existing(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-x1", "node-x", "foo"),
                                ex("p-x2", "node-x", "foo"), ex("p-y1", "node-y", "foo"))
                        .c(1, "zone", FOO_SELECTOR, IGNORE, IGNORE).c(1, "node", FOO_SELECTOR, HONOR, HONOR)
                        .domains("zone", 2, "node", 2).mins("zone", 2, "node", 1)
                        .pairs("zone/zone1", 2, "zone/zone2", 3, "node/node-x", 2, "node/node-y", 1).nip()),
                Arguments.of("matchLabelKeys ignored when feature gate disabled", pf()
                        .pod(pod("p").label("foo", "").label("bar", "")
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, null, list("bar")).obj())
                        .nodes(fourNodes()).existing(fiveFooPods())
                        .c(1, "zone", FOO_SELECTOR)
                        .domains("zone", 2).mins("zone", 2).pairs("zone/zone1", 3, "zone/zone2", 2)),
                Arguments.of("matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty", pf()
                        .pod(pod("p").label("foo", "").label("bar", "a")
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, null, list("bar")).obj())
                        .nodes(fourNodes())
                        .existing(ex("p-a1", "node-a", "foo"), pod("p-a2").node("node-a").label("foo", "").label("bar", "a").obj(),
                                ex("p-b1", "node-b", "foo"), pod("p-y1").node("node-y").label("foo", "").label("bar", "a").obj(),
                                ex("p-y2", "node-y", "bar"))
                        .c(1, "zone", sel().exists("foo").label("bar", "a").obj())
                        .domains("zone", 2).mins("zone", 1).pairs("zone/zone1", 1, "zone/zone2", 1).mlk()),
                Arguments.of("matchLabelKeys ANDed with LabelSelector when LabelSelector is empty", pf()
                        .pod(pod("p").label("foo", "a").spread(1, "zone", DO_NOT_SCHEDULE, sel().obj(), null, null, null, list("foo")).obj())
                        .nodes(fourNodes()).existing(fiveFooAPods())
                        .c(1, "zone", sel().label("foo", "a").obj())
                        .domains("zone", 2).mins("zone", 2).pairs("zone/zone1", 3, "zone/zone2", 2).mlk()),
                Arguments.of("key in matchLabelKeys is ignored when LabelSelector is nil when feature gate enabled", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, null, null, null, null, list("bar")).obj())
                        .nodes(fourNodes()).existing(fiveFooAPods())
                        .c(1, "zone", ParsedSelector.NOTHING, HONOR, IGNORE)
                        .domains("zone", 2).mins("zone", 0).pairs("zone/zone1", 0, "zone/zone2", 0).mlk()),
                Arguments.of("no pod is matched when LabelSelector is nil when feature gate disabled", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, null, null, null, null, list("bar")).obj())
                        .nodes(fourNodes()).existing(fiveFooAPods())
                        .c(1, "zone", ParsedSelector.NOTHING, HONOR, IGNORE)
                        .domains("zone", 2).mins("zone", 0).pairs("zone/zone1", 0, "zone/zone2", 0)),
                Arguments.of("key in matchLabelKeys is ignored when it isn't exist in pod.labels", pf()
                        .pod(pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, null, list("bar")).obj())
                        .nodes(fourNodes()).existing(fiveFooAPods())
                        .c(1, "zone", FOO_SELECTOR)
                        .domains("zone", 2).mins("zone", 2).pairs("zone/zone1", 3, "zone/zone2", 2).mlk()),
                Arguments.of("skip if not specified", pf()
                        .pod(pod("p").label("foo", "").obj())
                        .nodes(list(zn("node-a", "zone1")))
                        .skip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preFilterStateCases")
    void preFilterState(String name, PF tt) {
        PodTopologySpread p = plugin(tt.objs, tt.defaults, tt.nip, tt.mlk);
        CycleState cs = new CycleState();
        Status s = p.preFilter(cs, new PodInfo(tt.pod), St.snapshot(tt.existing, tt.nodes));
        if (tt.skip) {
            assertThat(s.code()).isEqualTo(Code.SKIP);
            return;
        }
        assertThat(s.isSuccess()).as("PreFilter status %s", s).isTrue();
        PreFilterState got = cs.read(PodTopologySpread.PRE_FILTER_STATE_KEY, PreFilterState.class);
        List<Exp> gotConstraints = new ArrayList<>();
        for (Constraint c : got.constraints) {
            gotConstraints.add(new Exp(c.maxSkew(), c.topologyKey(), c.selector(), c.minDomains(), c.nodeAffinityPolicy(), c.nodeTaintsPolicy()));
        }
        assertThat(gotConstraints).hasToString(tt.constraints.toString());
        assertThat(got.domainsNum()).isEqualTo(tt.domains);
        assertThat(got.minMatchNum).isEqualTo(tt.mins);
        Map<String, Integer> pairs = new LinkedHashMap<>();
        got.matchNum.forEach((key, counts) -> counts.forEach((value, n) -> pairs.put(key + "/" + value, n)));
        assertThat(pairs).isEqualTo(tt.pairs);
    }

    // ------------------------------------------------------------------ TestSingleConstraint / TestMultipleConstraints

    record FilterCase(Pod pod, List<Node> nodes, List<Pod> existing, Map<String, Code> want, boolean nip) {
        @Override
        public String toString() {
            return "";
        }
    }

    private static FilterCase fc(Pod pod, List<Node> nodes, List<Pod> existing, Map<String, Code> want) {
        return new FilterCase(pod, nodes, existing, want, false);
    }

    private static FilterCase fcNip(Pod pod, List<Node> nodes, List<Pod> existing, Map<String, Code> want) {
        return new FilterCase(pod, nodes, existing, want, true);
    }

    private static List<Pod> pods(Pod... p) {
        return List.of(p);
    }

    private static List<Pod> spread2103() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"),
                ex("p-y1", "node-y", "foo"), ex("p-y2", "node-y", "foo"), ex("p-y3", "node-y", "foo"));
    }

    private static List<Node> nodeLabelled(String... names) {
        List<Node> out = new ArrayList<>();
        for (String n : names) {
            out.add(node(n).label("node", n).obj());
        }
        return out;
    }

    private static List<Node> inclusionNodes(boolean yTainted) {
        St.NodeW y = node("node-y").label("node", "node-y");
        if (yTainted) {
            y.taints(TAINTS);
        }
        return list(node("node-a").label("node", "node-a").label("foo", "").obj(),
                node("node-b").label("node", "node-b").label("foo", "").obj(),
                node("node-x").label("node", "node-x").label("foo", "").obj(), y.obj());
    }

    private static List<Pod> inclusionPods() {
        return pods(ex("p-b1", "node-a", "foo"), ex("p-b2", "node-b", "foo"), ex("p-y1", "node-y", "foo"));
    }

    static Stream<Arguments> singleConstraintCases() {
        return Stream.of(
                Arguments.of("no existing pods", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), pods(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S))),
                Arguments.of("no existing pods, incoming pod doesn't match itself", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, BAR_SELECTOR).obj(), fourNodes(), pods(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S))),
                Arguments.of("existing pods in a different namespace do not count", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(),
                        pods(exNs("p-a1", "ns1", "node-a", "foo"), exNs("p-b1", "ns2", "node-a", "foo"), ex("p-x1", "node-x", "foo"),
                                ex("p-y1", "node-y", "foo")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U))),
                Arguments.of("existing pods do not match null selector", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, null).obj(), fourNodes(),
                        pods(ex("p-x1", "node-x", "foo"), ex("p-y1", "node-y", "foo")),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S))),
                Arguments.of("pods spread across zones as 3/3, all nodes fit", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S))),
                Arguments.of("pods spread across zones as 1/2 due to absence of label 'zone' on node-b", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        list(zn("node-a", "zone1"), node("node-b").label("zon", "zone1").label("node", "node-b").obj(),
                                zn("node-x", "zone2"), zn("node-y", "zone2")),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo"), ex("p-x1", "node-x", "foo"), ex("p-y1", "node-y", "foo")),
                        want("node-a", S, "node-b", UU, "node-x", U, "node-y", U))),
                Arguments.of("pod cannot be scheduled as all nodes don't have label 'rack'", fc(
                        pod("p").label("foo", "").spread(1, "rack", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        list(zn("node-a", "zone1"), zn("node-x", "zone2")), pods(),
                        want("node-a", UU, "node-x", UU))),
                Arguments.of("pods spread across nodes as 2/1/0/3, only node-x fits", fc(
                        pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit", fc(
                        pod("p").label("foo", "").spread(2, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", U, "node-b", S, "node-x", S, "node-y", U))),
                Arguments.of("pods spread across nodes as 2/1/0/3, but pod doesn't match itself", fc(
                        pod("p").label("bar", "").spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", U, "node-b", S, "node-x", S, "node-y", U))),
                Arguments.of("incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits", fc(
                        pod("p").label("foo", "").nodeAffinityIn("node", list("node-a", "node-y"))
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", U))),
                Arguments.of("terminating Pods should be excluded", fc(
                        pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), nodeLabelled("node-a", "node-b"),
                        pods(pod("p-a").node("node-a").label("foo", "").terminating().obj(), ex("p-b", "node-b", "foo")),
                        want("node-a", S, "node-b", U))),
                Arguments.of("incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits", fc(
                        pod("p").label("foo", "").nodeAffinityNotIn("node", list("node-b"))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(),
                        pods(ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"), ex("p-y1", "node-y", "foo")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U))),
                Arguments.of("pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits", fc(
                        pod("p").label("foo", "").spread(2, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, 4, null, null, null).obj(),
                        nodeLabelled("node-a", "node-b", "node-c"),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"),
                                ex("p-c1", "node-c", "foo")),
                        want("node-a", U, "node-b", U, "node-c", S))),
                Arguments.of("pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit", fc(
                        pod("p").label("foo", "").spread(2, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, 2, null, null, null).obj(),
                        nodeLabelled("node-a", "node-b", "node-c"),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo"), ex("p-b1", "node-b", "foo"), ex("p-b2", "node-b", "foo"),
                                ex("p-c1", "node-c", "foo")),
                        want("node-a", S, "node-b", S, "node-c", S))),
                Arguments.of("pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit", fc(
                        pod("p").label("foo", "").spread(2, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, 3, null, null, null).obj(), fourNodes(),
                        pods(ex("p-b1", "node-a", "foo"), ex("p-b2", "node-b", "foo"), ex("p-y1", "node-y", "foo")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", S))),
                Arguments.of("pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit", fc(
                        pod("p").label("foo", "").spread(2, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, 1, null, null, null).obj(), fourNodes(),
                        pods(ex("p-b1", "node-a", "foo"), ex("p-b2", "node-b", "foo"), ex("p-y1", "node-y", "foo")),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S))),
                Arguments.of("NodeAffinityPolicy honored with labelSelectors", fcNip(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        inclusionNodes(false), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", S))),
                Arguments.of("NodeAffinityPolicy ignored with labelSelectors", fcNip(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        inclusionNodes(false), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("NodeAffinityPolicy honored with nodeAffinity", fcNip(
                        pod("p").label("foo", "").nodeAffinityIn("foo", list("")).spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        inclusionNodes(false), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", S))),
                Arguments.of("NodeAffinityPolicy ignored with labelSelectors", fcNip(
                        pod("p").label("foo", "").nodeAffinityIn("foo", list(""))
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        inclusionNodes(false), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("NodeTaintsPolicy honored", fcNip(
                        pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, HONOR, null).obj(),
                        inclusionNodes(true), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", S))),
                Arguments.of("NodeTaintsPolicy ignored", fcNip(
                        pod("p").label("foo", "").spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        inclusionNodes(true), inclusionPods(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))));
    }

    private static Node zonedNode(String name, String zone, boolean foo, boolean tainted) {
        St.NodeW n = node(name).label("zone", zone).label("node", name);
        if (foo) {
            n.label("foo", "");
        }
        if (tainted) {
            n.taints(TAINTS);
        }
        return n.obj();
    }

    private static List<Pod> inclusionPodsABY() {
        return pods(ex("p-a1", "node-a", "foo"), ex("p-b1", "node-b", "foo"), ex("p-y1", "node-y", "foo"));
    }

    static Stream<Arguments> multipleConstraintsCases() {
        return Stream.of(
                Arguments.of("two Constraints on zone and node, spreads = [3/3, 2/1/0/3]", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), spread2103(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("two Constraints on zone and node, spreads = [3/4, 2/1/0/4]", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(), fourNodes(), List.of(sevenFooPods()),
                        want("node-a", U, "node-b", U, "node-x", U, "node-y", U))),
                Arguments.of("Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]", fc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj(), fourNodes(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-y1", "node-y", "bar")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]", fc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj(), fourNodes(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-x1", "node-x", "bar"), ex("p-y1", "node-y", "bar")),
                        want("node-a", U, "node-b", U, "node-x", U, "node-y", U))),
                Arguments.of("Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]", fc(
                        pod("p").label("foo", "").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj(), fourNodes(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-a2", "node-a", "foo", "bar"), ex("p-y1", "node-y", "foo"),
                                ex("p-y2", "node-y", "foo", "bar"), ex("p-y3", "node-y", "foo")),
                        want("node-a", U, "node-b", S, "node-x", U, "node-y", U))),
                Arguments.of("Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint", fc(
                        pod("p").label("bar", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, BAR_SELECTOR).obj(), fourNodes(),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-x1", "node-x", "bar"), ex("p-y1", "node-y", "bar")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U))),
                Arguments.of("two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]", fc(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        list(zn("node-a", "zone1"), zn("node-b", "zone1"), node("node-x").label("zone", "zone2").obj(), zn("node-y", "zone2")),
                        pods(ex("p-a1", "node-a", "foo"), ex("p-y3", "node-y", "foo")),
                        want("node-a", U, "node-b", S, "node-x", UU, "node-y", U))),
                Arguments.of("two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore", fcNip(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        list(zonedNode("node-a", "zone1", true, false), zonedNode("node-b", "zone1", true, false),
                                zonedNode("node-x", "zone2", true, false), zonedNode("node-y", "zone2", false, false)),
                        inclusionPodsABY(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("two node inclusion Constraints, zone: honor/honor, node: honor/ignore", fcNip(
                        pod("p").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, HONOR, null)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        list(zonedNode("node-a", "zone1", true, false), zonedNode("node-b", "zone1", true, false),
                                zonedNode("node-x", "zone2", true, false), zonedNode("node-y", "zone2", false, true)),
                        inclusionPodsABY(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))),
                Arguments.of("two node inclusion Constraints, zone: honor/ignore, node: honor/ignore", fcNip(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", "")).spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR).obj(),
                        list(zonedNode("node-a", "zone1", true, false), zonedNode("node-b", "zone1", false, false),
                                zonedNode("node-x", "zone2", true, false), zonedNode("node-y", "zone2", true, true)),
                        inclusionPodsABY(),
                        want("node-a", U, "node-b", S, "node-x", S, "node-y", U))),
                Arguments.of("two node inclusion Constraints, zone: honor/honor, node: ignore/ignore", fcNip(
                        pod("p").label("foo", "").nodeSelector(Map.of("foo", ""))
                                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, null, null, HONOR, null)
                                .spread(1, "node", DO_NOT_SCHEDULE, FOO_SELECTOR, null, IGNORE, null, null).obj(),
                        list(zonedNode("node-a", "zone1", true, false), zonedNode("node-b", "zone1", false, false),
                                zonedNode("node-x", "zone2", true, false), zonedNode("node-y", "zone2", true, true)),
                        inclusionPodsABY(),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleConstraintCases")
    void singleConstraint(String name, FilterCase tt) {
        runFilter(tt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multipleConstraintsCases")
    void multipleConstraints(String name, FilterCase tt) {
        runFilter(tt);
    }

    private static void runFilter(FilterCase tt) {
        PodTopologySpread p = plugin(List.of(), List.of(), tt.nip(), false);
        List<NodeInfo> nodes = St.snapshot(tt.existing(), tt.nodes());
        PodInfo pod = new PodInfo(tt.pod());
        CycleState state = new CycleState();
        Status pre = p.preFilter(state, pod, nodes);
        assertThat(pre.isSuccess()).as("preFilter status %s", pre).isTrue();
        for (NodeInfo n : nodes) {
            Status s = p.filter(state, pod, n);
            assertThat(s.code()).as("[%s] status code", n.name()).isEqualTo(tt.want().get(n.name()));
            if (s.code() == U) {
                assertThat(s.reasons()).containsExactly(PodTopologySpread.ERR_REASON_CONSTRAINTS_NOT_MATCH);
                assertThat(s.plugin()).isEqualTo(PodTopologySpread.NAME);
            } else if (s.code() == UU) {
                assertThat(s.reasons()).containsExactly(PodTopologySpread.ERR_REASON_NODE_LABEL_NOT_MATCH);
            }
        }
    }

    // ------------------------------------------------------------------ TestPreFilterDisabled

    @Test
    void preFilterDisabled() {
        PodTopologySpread p = plugin(List.of(), List.of(), true, true);
        NodeInfo node = St.snapshot(List.of(), List.of(node("n").obj())).get(0);
        Status s = p.filter(new CycleState(), new PodInfo(pod("p").obj()), node);
        assertThat(s.code()).isEqualTo(Code.ERROR);
        assertThat(s.reasons()).containsExactly("reading \"PreFilterPodTopologySpread\" from cycleState: not found");
    }
}
