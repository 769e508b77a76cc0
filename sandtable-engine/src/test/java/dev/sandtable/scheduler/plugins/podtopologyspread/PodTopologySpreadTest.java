package dev.sandtable.scheduler.plugins.podtopologyspread;

import static dev.sandtable.scheduler.plugins.podtopologyspread.St.DO_NOT_SCHEDULE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.FOO_SELECTOR;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.HOSTNAME;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.SCHEDULE_ANYWAY;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.ZONE;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.constraint;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.node;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.pod;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.replicaSet;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.sel;
import static dev.sandtable.scheduler.plugins.podtopologyspread.St.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.scheduler.framework.ScheduleResult;
import dev.sandtable.scheduler.framework.Status;
import dev.sandtable.sim.SeededRandom;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sandtable's own checks of behaviour the upstream tables leave implicit: default selectors, shared keys, scale. */
class PodTopologySpreadTest {

    private static StatefulSet statefulSet(String namespace, String name, LabelSelector selector) {
        StatefulSet ss = new StatefulSet();
        ss.setMetadata(new ObjectMeta());
        ss.getMetadata().setNamespace(namespace);
        ss.getMetadata().setName(name);
        ss.setSpec(new StatefulSetSpec());
        ss.getSpec().setSelector(selector);
        return ss;
    }

    @Test
    void defaultSelectorMergesServicesAndAddsTheControllingReplicaSetsRequirements() {
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of(
                service("ns", Map.of("app", "web")), service("ns", Map.of("tier", "fe")), service("ns", Map.of("app", "db")),
                service("other", Map.of("app", "web")), replicaSet("ns", "rs1", sel().exists("pod-template-hash").obj()))));
        Pod pod = pod("p").namespace("ns").label("app", "web").label("tier", "fe").label("pod-template-hash", "abc")
                .ownerReference("rs1", "apps/v1", "ReplicaSet").obj();
        assertThat(p.defaultSelector(pod)).hasToString("app=web,pod-template-hash,tier=fe");
    }

    @Test
    void defaultSelectorUsesTheStatefulSetAndIgnoresOwnersThatAreNotControllers() {
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of(statefulSet("ns", "db", sel().label("app", "db").obj()))));
        Pod owned = pod("db-0").namespace("ns").label("app", "db").ownerReference("db", "apps/v1", "StatefulSet").obj();
        assertThat(p.defaultSelector(owned)).hasToString("app=db");
        Pod notController = pod("db-1").namespace("ns").label("app", "db").ownerReference("db", "apps/v1", "StatefulSet").obj();
        notController.getMetadata().getOwnerReferences().get(0).setController(false);
        assertThat(p.defaultSelector(notController).isEmpty()).isTrue();
        Pod wrongVersion = pod("db-2").namespace("ns").label("app", "db").ownerReference("db", "apps/v1beta1", "StatefulSet").obj();
        assertThat(p.defaultSelector(wrongVersion).isEmpty()).isTrue();
    }

    @Test
    void systemDefaultingSpreadsPodsOfAServiceByHostnameAndZone() {
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of(service("ns", Map.of("app", "web")))));
        Pod pod = pod("p").namespace("ns").label("app", "web").obj();
        List<NodeInfo> nodes = St.snapshot(List.of(pod("e").namespace("ns").label("app", "web").node("n1").obj()),
                List.of(node("n1").label(HOSTNAME, "n1").label(ZONE, "z1").obj(), node("n2").label(HOSTNAME, "n2").label(ZONE, "z2").obj()));
        CycleState state = new CycleState();
        assertThat(p.preFilter(state, new PodInfo(pod), nodes).code()).isEqualTo(Status.Code.SKIP);
        assertThat(p.preScore(state, new PodInfo(pod), nodes, nodes).isSuccess()).isTrue();
        long[] scores = {p.score(state, new PodInfo(pod), nodes.get(0)), p.score(state, new PodInfo(pod), nodes.get(1))};
        p.normalize(state, new PodInfo(pod), nodes, scores);
        assertThat(scores[1]).isEqualTo(100);
        assertThat(scores[0]).isLessThan(100);
    }

    @Test
    void argsAreValidated() {
        assertThatThrownBy(() -> new PodTopologySpread(St.listers(List.of()), List.of(constraint(1, "zone", SCHEDULE_ANYWAY)),
                PodTopologySpread.DefaultingType.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PodTopologySpread(St.listers(List.of()), List.of(constraint(1, "zone", SCHEDULE_ANYWAY),
                constraint(2, "zone", SCHEDULE_ANYWAY)), PodTopologySpread.DefaultingType.LIST)).isInstanceOf(IllegalArgumentException.class);
    }

    /** v1.31 keys its counts by topology pair, so constraints sharing a key share counts: the last one counted wins. */
    @Test
    void constraintsSharingATopologyKeyShareTheirCounts() {
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of()), List.of(), PodTopologySpread.DefaultingType.LIST);
        Pod pod = pod("p").label("foo", "").label("bar", "")
                .spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).spread(1, "zone", DO_NOT_SCHEDULE, St.BAR_SELECTOR).obj();
        List<NodeInfo> nodes = St.snapshot(List.of(pod("f1").node("a").label("foo", "").obj(), pod("f2").node("a").label("foo", "").obj(),
                        pod("b1").node("b").label("bar", "").obj()),
                List.of(node("a").label("zone", "z1").obj(), node("b").label("zone", "z2").obj()));
        CycleState state = new CycleState();
        p.preFilter(state, new PodInfo(pod), nodes);
        PreFilterState s = state.read(PodTopologySpread.PRE_FILTER_STATE_KEY, PreFilterState.class);
        assertThat(s.matchNum).isEqualTo(Map.of("zone", Map.of("z1", 0, "z2", 1)));
    }

    @Test
    void fitErrorNamesTheUpstreamReasons() {
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of()), List.of(), PodTopologySpread.DefaultingType.LIST);
        Framework fw = new Framework(new Profile("default-scheduler", List.of(p), List.of(new Profile.WeightedScore(p, 2)), List.of(), 0),
                new SeededRandom(1));
        List<NodeInfo> nodes = St.snapshot(List.of(pod("e1").namespace("ns").node("a").label("foo", "").obj(),
                        pod("e2").namespace("ns").node("b").label("foo", "").obj(), pod("e3").namespace("ns").node("b").label("foo", "").obj(),
                        pod("e4").namespace("ns").node("b").label("foo", "").obj()),
                List.of(node("a").label("zone", "z1").obj(), node("b").label("zone", "z2").obj(), node("c").obj()));
        // z1 holds 1 matching pod, z2 3: only z1 keeps the skew within 1.
        Pod fits = pod("p").namespace("ns").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR).obj();
        assertThat(fw.schedule(new PodInfo(fits), nodes).node()).isEqualTo("a");
        // With minDomains 3 and only 2 zones the global minimum is 0, so neither zone fits.
        Pod none = pod("q").namespace("ns").label("foo", "").spread(1, "zone", DO_NOT_SCHEDULE, FOO_SELECTOR, 3, null, null, null).obj();
        ScheduleResult r = fw.schedule(new PodInfo(none), nodes);
        assertThat(r.scheduled()).isFalse();
        assertThat(r.message()).isEqualTo("0/3 nodes are available: "
                + "1 node(s) didn't match pod topology spread constraints (missing required label), "
                + "2 node(s) didn't match pod topology spread constraints.");
    }

    /** 5,000 nodes in 3 zones and 10,000 pods: a full cycle over every node takes tens of milliseconds. */
    @Test
    void aLargeClusterStaysFast() {
        int nodeCount = 5000;
        int podCount = 10000;
        List<Node> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(node("n" + i).label(HOSTNAME, "n" + i).label(ZONE, "z" + (i % 3)).obj());
        }
        List<Pod> pods = new ArrayList<>(podCount);
        for (int i = 0; i < podCount; i++) {
            pods.add(pod("e" + i).namespace("ns").label("app", "a" + (i % 10)).node("n" + (i % nodeCount)).obj());
        }
        List<NodeInfo> infos = St.snapshot(pods, nodes);
        PodTopologySpread p = new PodTopologySpread(St.listers(List.of()));
        Pod pod = pod("p").namespace("ns").label("app", "a1")
                .spread(1, ZONE, DO_NOT_SCHEDULE, sel().label("app", "a1").obj())
                .spread(1, HOSTNAME, DO_NOT_SCHEDULE, sel().label("app", "a1").obj())
                .spread(1, ZONE, SCHEDULE_ANYWAY, sel().label("app", "a1").obj())
                .spread(1, HOSTNAME, SCHEDULE_ANYWAY, sel().label("app", "a1").obj()).obj();
        PodInfo pi = new PodInfo(pod);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            CycleState state = new CycleState();
            assertThat(p.preFilter(state, pi, infos).isSuccess()).isTrue();
            List<NodeInfo> feasible = new ArrayList<>();
            for (NodeInfo n : infos) {
                if (p.filter(state, pi, n).isSuccess()) {
                    feasible.add(n);
                }
            }
            assertThat(p.preScore(state, pi, feasible, infos).isSuccess()).isTrue();
            long[] scores = new long[feasible.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = p.score(state, pi, feasible.get(i));
            }
            p.normalize(state, pi, feasible, scores);
            best = Math.min(best, System.nanoTime() - start);
            // Pods with app=a1 sit two apiece on nodes 1, 11, 21, ...: those fail the hostname constraint.
            assertThat(feasible).isNotEmpty().hasSizeLessThanOrEqualTo(nodeCount - nodeCount / 10);
        }
        assertThat(best / 1_000_000).as("best cycle in ms").isLessThan(2000);
    }
}
