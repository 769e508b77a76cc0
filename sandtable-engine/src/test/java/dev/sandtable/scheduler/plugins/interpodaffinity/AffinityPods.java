package dev.sandtable.scheduler.plugins.interpodaffinity;

import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builders for the ported interpodaffinity tables, after kube-scheduler's st.MakePod() wrapper: pods default to
 * the empty namespace and name as upstream's do; terms are built with {@link #term(String)}.
 */
final class AffinityPods {
    private static final AtomicInteger UID = new AtomicInteger();

    private AffinityPods() {
    }

    static PodB pod() {
        return new PodB();
    }

    static TermB term(String topologyKey) {
        return new TermB(topologyKey);
    }

    static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Node node(String name, Map<String, String> labels) {
        Node n = new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec().withNewStatus().endStatus().build();
        n.getMetadata().setLabels(new LinkedHashMap<>(labels));
        return n;
    }

    /** cache.NewSnapshot(pods, nodes): a NodeInfo per node holding the pods bound to it; pods on unlisted nodes are dropped. */
    static List<NodeInfo> snapshot(List<Pod> pods, List<Node> nodes) {
        List<NodeInfo> out = new ArrayList<>();
        for (Node n : nodes) {
            NodeInfo ni = new NodeInfo(n);
            for (Pod p : pods) {
                if (n.getMetadata().getName().equals(p.getSpec().getNodeName())) {
                    ni.addPod("uid-" + UID.incrementAndGet(), new PodInfo(p));
                }
            }
            out.add(ni);
        }
        return out;
    }

    /** A namespace lister over the given namespaces and labels, as the fake informer of the upstream tests. */
    static Listers namespaces(Map<String, Map<String, String>> namespaces) {
        return new Listers() {
            @Override
            public Map<String, String> namespaceLabels(String namespace) {
                Map<String, String> l = namespaces.get(namespace);
                return l == null ? Map.of() : l;
            }

            @Override
            public List<String> namespaces() {
                return List.copyOf(namespaces.keySet());
            }

            @Override
            public List<Service> services(String namespace) {
                return List.of();
            }

            @Override
            public List<ReplicaSet> replicaSets(String namespace) {
                return List.of();
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

    /** scoring_test.go's namespaces: two teams with two subteams each. */
    static final Map<String, Map<String, String>> TEAM_NAMESPACES = teamNamespaces();

    private static Map<String, Map<String, String>> teamNamespaces() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("subteam1.team1", Map.of("team", "team1"));
        m.put("subteam2.team1", Map.of("team", "team1"));
        m.put("subteam1.team2", Map.of("team", "team2"));
        m.put("subteam2.team2", Map.of("team", "team2"));
        return m;
    }

    static LabelSelector selector(LabelSelectorRequirement... exprs) {
        LabelSelector s = new LabelSelector();
        s.setMatchExpressions(new ArrayList<>(Arrays.asList(exprs)));
        s.setMatchLabels(new LinkedHashMap<>());
        return s;
    }

    static LabelSelectorRequirement req(String key, String op, String... values) {
        return new LabelSelectorRequirement(key, op, values.length == 0 ? null : new ArrayList<>(List.of(values)));
    }

    /** A PodAffinityTerm under construction. */
    static final class TermB {
        private final PodAffinityTerm t = new PodAffinityTerm();
        private final List<LabelSelectorRequirement> exprs = new ArrayList<>();
        private boolean hasSelector;

        TermB(String topologyKey) {
            t.setTopologyKey(topologyKey);
            t.setNamespaces(new ArrayList<>());
        }

        TermB in(String key, String... values) {
            exprs.add(req(key, "In", values));
            hasSelector = true;
            return this;
        }

        TermB notIn(String key, String... values) {
            exprs.add(req(key, "NotIn", values));
            hasSelector = true;
            return this;
        }

        TermB exists(String key) {
            exprs.add(req(key, "Exists"));
            hasSelector = true;
            return this;
        }

        TermB doesNotExist(String key) {
            exprs.add(req(key, "DoesNotExist"));
            hasSelector = true;
            return this;
        }

        TermB namespaces(String... ns) {
            t.setNamespaces(new ArrayList<>(List.of(ns)));
            return this;
        }

        TermB namespaceSelector(LabelSelector s) {
            t.setNamespaceSelector(s);
            return this;
        }

        PodAffinityTerm obj() {
            if (hasSelector) {
                t.setLabelSelector(selector(exprs.toArray(new LabelSelectorRequirement[0])));
            }
            return t;
        }

        WeightedPodAffinityTerm weighted(int weight) {
            return new WeightedPodAffinityTerm(obj(), weight);
        }
    }

    /** A pod under construction. */
    static final class PodB {
        private final Pod pod = new Pod();

        PodB() {
            ObjectMeta meta = new ObjectMeta();
            meta.setName("");
            meta.setNamespace("");
            meta.setLabels(new LinkedHashMap<>());
            pod.setMetadata(meta);
            pod.setSpec(new PodSpec());
        }

        PodB name(String n) {
            pod.getMetadata().setName(n);
            return this;
        }

        PodB namespace(String ns) {
            pod.getMetadata().setNamespace(ns);
            return this;
        }

        PodB labels(Map<String, String> l) {
            pod.getMetadata().getLabels().putAll(l);
            return this;
        }

        PodB label(String k, String v) {
            pod.getMetadata().getLabels().put(k, v);
            return this;
        }

        PodB node(String n) {
            pod.getSpec().setNodeName(n);
            return this;
        }

        private Affinity affinity() {
            if (pod.getSpec().getAffinity() == null) {
                pod.getSpec().setAffinity(new Affinity());
            }
            return pod.getSpec().getAffinity();
        }

        private PodAffinity podAffinity() {
            if (affinity().getPodAffinity() == null) {
                affinity().setPodAffinity(new PodAffinity());
            }
            return affinity().getPodAffinity();
        }

        private PodAntiAffinity podAntiAffinity() {
            if (affinity().getPodAntiAffinity() == null) {
                affinity().setPodAntiAffinity(new PodAntiAffinity());
            }
            return affinity().getPodAntiAffinity();
        }

        /** Both stanzas present with no terms, as upstream's createPodWithAffinityTerms builds them. */
        PodB bothStanzas() {
            podAffinity();
            podAntiAffinity();
            return this;
        }

        PodB requiredAffinity(PodAffinityTerm... terms) {
            List<PodAffinityTerm> l = podAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            l = l == null ? new ArrayList<>() : new ArrayList<>(l);
            l.addAll(Arrays.asList(terms));
            podAffinity().setRequiredDuringSchedulingIgnoredDuringExecution(l);
            return this;
        }

        PodB requiredAntiAffinity(PodAffinityTerm... terms) {
            List<PodAffinityTerm> l = podAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            l = l == null ? new ArrayList<>() : new ArrayList<>(l);
            l.addAll(Arrays.asList(terms));
            podAntiAffinity().setRequiredDuringSchedulingIgnoredDuringExecution(l);
            return this;
        }

        PodB preferredAffinity(WeightedPodAffinityTerm... terms) {
            List<WeightedPodAffinityTerm> l = podAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            l = l == null ? new ArrayList<>() : new ArrayList<>(l);
            l.addAll(Arrays.asList(terms));
            podAffinity().setPreferredDuringSchedulingIgnoredDuringExecution(l);
            return this;
        }

        PodB preferredAntiAffinity(WeightedPodAffinityTerm... terms) {
            List<WeightedPodAffinityTerm> l = podAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            l = l == null ? new ArrayList<>() : new ArrayList<>(l);
            l.addAll(Arrays.asList(terms));
            podAntiAffinity().setPreferredDuringSchedulingIgnoredDuringExecution(l);
            return this;
        }

        /** Sets the whole affinity stanza (shared fixtures of scoring_test.go). */
        PodB affinity(Affinity a) {
            pod.getSpec().setAffinity(a);
            return this;
        }

        // st.MakePod() shorthands: one required term whose selector has a single requirement.
        PodB affinityIn(String key, String topologyKey, String... values) {
            return requiredAffinity(term(topologyKey).in(key, values).obj());
        }

        PodB affinityNotIn(String key, String topologyKey, String... values) {
            return requiredAffinity(term(topologyKey).notIn(key, values).obj());
        }

        PodB affinityExists(String key, String topologyKey) {
            return requiredAffinity(term(topologyKey).exists(key).obj());
        }

        PodB antiAffinityIn(String key, String topologyKey, String... values) {
            return requiredAntiAffinity(term(topologyKey).in(key, values).obj());
        }

        PodB antiAffinityNotIn(String key, String topologyKey, String... values) {
            return requiredAntiAffinity(term(topologyKey).notIn(key, values).obj());
        }

        PodB antiAffinityExists(String key, String topologyKey) {
            return requiredAntiAffinity(term(topologyKey).exists(key).obj());
        }

        Pod obj() {
            return pod;
        }
    }
}
