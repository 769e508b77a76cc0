package dev.sandtable.scheduler.plugins.podtopologyspread;

import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terse builders in the manner of upstream's pkg/scheduler/testing wrappers (st.MakePod, st.MakeNode, ...). */
final class St {
    static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";
    static final String HONOR = "Honor";
    static final String IGNORE = "Ignore";

    static final LabelSelector FOO_SELECTOR = sel().exists("foo").obj();
    static final LabelSelector BAR_SELECTOR = sel().exists("bar").obj();
    /** node.kubernetes.io/unschedulable:NoSchedule, upstream's `taints` fixture. */
    static final List<Taint> TAINTS = List.of(new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, ""));

    private St() {
    }

    static PodW pod(String name) {
        return new PodW(name);
    }

    static NodeW node(String name) {
        return new NodeW(name);
    }

    static SelW sel() {
        return new SelW();
    }

    static <T> List<T> list(T... items) {
        return List.of(items);
    }

    /** NodeInfos of the nodes, in order, holding the existing pods bound to them. */
    static List<NodeInfo> snapshot(List<Pod> existing, List<Node> nodes) {
        Map<String, NodeInfo> byName = new LinkedHashMap<>();
        for (Node n : nodes) {
            byName.put(n.getMetadata().getName(), new NodeInfo(n));
        }
        for (Pod p : existing) {
            NodeInfo ni = byName.get(p.getSpec().getNodeName());
            if (ni != null) {
                ni.addPod(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), new PodInfo(p));
            }
        }
        return new ArrayList<>(byName.values());
    }

    static Service service(String namespace, Map<String, String> selector) {
        Service s = new Service();
        s.setMetadata(new ObjectMeta());
        s.getMetadata().setNamespace(namespace);
        s.setSpec(new ServiceSpec());
        s.getSpec().setSelector(selector);
        return s;
    }

    static ReplicaSet replicaSet(String namespace, String name, LabelSelector selector) {
        ReplicaSet rs = new ReplicaSet();
        rs.setMetadata(new ObjectMeta());
        rs.getMetadata().setNamespace(namespace);
        rs.getMetadata().setName(name);
        rs.setSpec(new ReplicaSetSpec());
        rs.getSpec().setSelector(selector);
        return rs;
    }

    static TopologySpreadConstraint constraint(int maxSkew, String key, String when) {
        TopologySpreadConstraint c = new TopologySpreadConstraint();
        c.setMaxSkew(maxSkew);
        c.setTopologyKey(key);
        c.setWhenUnsatisfiable(when);
        return c;
    }

    /** Listers over fixed objects (upstream's fake clientset + informers). */
    static Listers listers(List<?> objs) {
        return new Listers() {
            @Override
            public Map<String, String> namespaceLabels(String namespace) {
                return Map.of("kubernetes.io/metadata.name", namespace);
            }

            @Override
            public List<String> namespaces() {
                return List.of();
            }

            @Override
            public List<Service> services(String namespace) {
                return of(Service.class, namespace);
            }

            @Override
            public List<ReplicaSet> replicaSets(String namespace) {
                return of(ReplicaSet.class, namespace);
            }

            @Override
            public List<StatefulSet> statefulSets(String namespace) {
                return of(StatefulSet.class, namespace);
            }

            @Override
            public List<PodDisruptionBudget> podDisruptionBudgets(String namespace) {
                return of(PodDisruptionBudget.class, namespace);
            }

            private <T extends HasMetadata> List<T> of(Class<T> type, String namespace) {
                List<T> out = new ArrayList<>();
                for (Object o : objs) {
                    if (type.isInstance(o)) {
                        T t = type.cast(o);
                        String ns = t.getMetadata().getNamespace() == null ? "" : t.getMetadata().getNamespace();
                        if (ns.equals(namespace)) {
                            out.add(t);
                        }
                    }
                }
                return out;
            }
        };
    }

    static final class PodW {
        private final Pod pod = new Pod();

        PodW(String name) {
            pod.setMetadata(new ObjectMeta());
            pod.getMetadata().setName(name);
            pod.getMetadata().setNamespace("");
            pod.getMetadata().setLabels(new LinkedHashMap<>());
            pod.setSpec(new PodSpec());
            pod.getSpec().setContainers(new ArrayList<>(List.of(new Container())));
        }

        PodW label(String k, String v) {
            pod.getMetadata().getLabels().put(k, v);
            return this;
        }

        PodW namespace(String ns) {
            pod.getMetadata().setNamespace(ns);
            return this;
        }

        PodW node(String name) {
            pod.getSpec().setNodeName(name);
            return this;
        }

        PodW terminating() {
            pod.getMetadata().setDeletionTimestamp("2024-01-01T00:00:00Z");
            return this;
        }

        PodW nodeSelector(Map<String, String> selector) {
            pod.getSpec().setNodeSelector(new LinkedHashMap<>(selector));
            return this;
        }

        PodW nodeAffinityIn(String key, List<String> values) {
            return nodeAffinity(key, "In", values);
        }

        PodW nodeAffinityNotIn(String key, List<String> values) {
            return nodeAffinity(key, "NotIn", values);
        }

        private PodW nodeAffinity(String key, String op, List<String> values) {
            NodeSelectorTerm term = new NodeSelectorTerm();
            term.setMatchExpressions(new ArrayList<>(List.of(new NodeSelectorRequirement(key, op, new ArrayList<>(values)))));
            NodeSelector ns = new NodeSelector(new ArrayList<>(List.of(term)));
            Affinity a = new Affinity();
            NodeAffinity na = new NodeAffinity();
            na.setRequiredDuringSchedulingIgnoredDuringExecution(ns);
            a.setNodeAffinity(na);
            pod.getSpec().setAffinity(a);
            return this;
        }

        /** st.PodWrapper.Toleration: key Exists, effect NoSchedule. */
        PodW toleration(String key) {
            if (pod.getSpec().getTolerations() == null) {
                pod.getSpec().setTolerations(new ArrayList<>());
            }
            Toleration t = new Toleration();
            t.setKey(key);
            t.setOperator("Exists");
            t.setEffect("NoSchedule");
            pod.getSpec().getTolerations().add(t);
            return this;
        }

        PodW ownerReference(String name, String apiVersion, String kind) {
            OwnerReference ref = new OwnerReference();
            ref.setApiVersion(apiVersion);
            ref.setKind(kind);
            ref.setName(name);
            ref.setController(true);
            pod.getMetadata().setOwnerReferences(new ArrayList<>(List.of(ref)));
            return this;
        }

        /** st.PodWrapper.SpreadConstraint(maxSkew, key, when, selector, minDomains, affinityPolicy, taintsPolicy, matchLabelKeys). */
        PodW spread(int maxSkew, String key, String when, LabelSelector selector, Integer minDomains,
                    String nodeAffinityPolicy, String nodeTaintsPolicy, List<String> matchLabelKeys) {
            if (pod.getSpec().getTopologySpreadConstraints() == null) {
                pod.getSpec().setTopologySpreadConstraints(new ArrayList<>());
            }
            TopologySpreadConstraint c = constraint(maxSkew, key, when);
            c.setLabelSelector(selector);
            c.setMinDomains(minDomains);
            c.setNodeAffinityPolicy(nodeAffinityPolicy);
            c.setNodeTaintsPolicy(nodeTaintsPolicy);
            c.setMatchLabelKeys(matchLabelKeys);
            pod.getSpec().getTopologySpreadConstraints().add(c);
            return this;
        }

        PodW spread(int maxSkew, String key, String when, LabelSelector selector) {
            return spread(maxSkew, key, when, selector, null, null, null, null);
        }

        Pod obj() {
            return pod;
        }
    }

    static final class NodeW {
        private final Node node = new Node();

        NodeW(String name) {
            node.setMetadata(new ObjectMeta());
            node.getMetadata().setName(name);
            node.getMetadata().setLabels(new LinkedHashMap<>());
        }

        NodeW label(String k, String v) {
            node.getMetadata().getLabels().put(k, v);
            return this;
        }

        NodeW taints(List<Taint> taints) {
            node.setSpec(new NodeSpec());
            node.getSpec().setTaints(new ArrayList<>(taints));
            return this;
        }

        Node obj() {
            return node;
        }
    }

    static final class SelW {
        private final LabelSelector s = new LabelSelector();

        SelW exists(String key) {
            if (s.getMatchExpressions() == null) {
                s.setMatchExpressions(new ArrayList<>());
            }
            s.getMatchExpressions().add(new LabelSelectorRequirement(key, "Exists", new ArrayList<>()));
            return this;
        }

        SelW label(String k, String v) {
            if (s.getMatchLabels() == null) {
                s.setMatchLabels(new LinkedHashMap<>());
            }
            s.getMatchLabels().put(k, v);
            return this;
        }

        LabelSelector obj() {
            return s;
        }
    }
}
