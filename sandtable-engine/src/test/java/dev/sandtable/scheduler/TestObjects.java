package dev.sandtable.scheduler;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Terse builders for the pods and nodes of the ported upstream scheduler tables, in the spirit of
 * kube-scheduler's st.MakePod()/st.MakeNode() wrappers: quantities are written as strings ("1000m", "2Gi").
 */
public final class TestObjects {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestObjects() {
    }

    /** A resource list from alternating names and quantity strings: res("cpu", "1", "memory", "2Gi"). */
    public static Map<String, Quantity> res(String... nameQuantity) {
        if (nameQuantity.length % 2 != 0) {
            throw new IllegalArgumentException("names and quantities must pair up");
        }
        Map<String, Quantity> m = new LinkedHashMap<>();
        for (int i = 0; i < nameQuantity.length; i += 2) {
            m.put(nameQuantity[i], new Quantity(nameQuantity[i + 1]));
        }
        return m;
    }

    public static PodMaker pod() {
        return new PodMaker("pod-" + SEQ.incrementAndGet());
    }

    public static PodMaker pod(String name) {
        return new PodMaker(name);
    }

    public static NodeMaker node(String name) {
        return new NodeMaker(name);
    }

    /** A NodeInfo for the node with the given pods already assigned to it. */
    public static NodeInfo nodeInfo(Node node, Pod... pods) {
        NodeInfo ni = new NodeInfo(node);
        for (Pod p : pods) {
            ni.addPod(p.getMetadata().getName() + "-" + SEQ.incrementAndGet(), new PodInfo(p));
        }
        return ni;
    }

    /** NodeInfos for the nodes, each with the pods whose spec.nodeName names it, as cache.NewSnapshot(pods, nodes) builds. */
    public static List<NodeInfo> snapshot(List<Pod> pods, List<Node> nodes) {
        List<NodeInfo> out = new ArrayList<>();
        for (Node n : nodes) {
            NodeInfo ni = new NodeInfo(n);
            for (Pod p : pods) {
                if (n.getMetadata().getName().equals(p.getSpec().getNodeName())) {
                    ni.addPod(p.getMetadata().getName() + "-" + SEQ.incrementAndGet(), new PodInfo(p));
                }
            }
            out.add(ni);
        }
        return out;
    }

    /** Score every node, then NormalizeScore, as the upstream score tables do; returns the final scores in node order. */
    public static long[] scores(ScorePlugin plugin, PodInfo pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        long[] out = new long[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = plugin.score(state, pod, nodes.get(i));
        }
        plugin.normalize(state, pod, nodes, out);
        return out;
    }

    public static NodeSelectorRequirement expr(String key, String op, String... values) {
        return new NodeSelectorRequirement(key, op, values.length == 0 ? null : List.of(values));
    }

    /** A node selector term with the given label requirements. */
    public static NodeSelectorTerm labelTerm(NodeSelectorRequirement... exprs) {
        NodeSelectorTerm t = new NodeSelectorTerm();
        t.setMatchExpressions(new ArrayList<>(Arrays.asList(exprs)));
        t.setMatchFields(new ArrayList<>());
        return t;
    }

    /** A node selector term with the given field requirements (metadata.name). */
    public static NodeSelectorTerm fieldTerm(NodeSelectorRequirement... fields) {
        NodeSelectorTerm t = new NodeSelectorTerm();
        t.setMatchExpressions(new ArrayList<>());
        t.setMatchFields(new ArrayList<>(Arrays.asList(fields)));
        return t;
    }

    public static NodeSelectorTerm term(List<NodeSelectorRequirement> exprs, List<NodeSelectorRequirement> fields) {
        NodeSelectorTerm t = new NodeSelectorTerm();
        t.setMatchExpressions(new ArrayList<>(exprs));
        t.setMatchFields(new ArrayList<>(fields));
        return t;
    }

    public static PreferredSchedulingTerm preferred(int weight, NodeSelectorTerm term) {
        return new PreferredSchedulingTerm(term, weight);
    }

    /** A fluent pod: each req(...) adds one app container requesting those resources. */
    public static final class PodMaker {
        private final Pod pod = new Pod();
        private final List<Container> containers = new ArrayList<>();
        private final List<Container> initContainers = new ArrayList<>();

        PodMaker(String name) {
            ObjectMeta meta = new ObjectMeta();
            meta.setName(name);
            meta.setNamespace("default");
            pod.setMetadata(meta);
            pod.setSpec(new PodSpec());
        }

        private static Container container(String name, Map<String, Quantity> requests, Map<String, Quantity> limits) {
            Container c = new Container();
            c.setName(name);
            ResourceRequirements rr = new ResourceRequirements();
            rr.setRequests(requests);
            rr.setLimits(limits);
            c.setResources(rr);
            return c;
        }

        /** An app container with these requests (alternating names and quantities). */
        public PodMaker req(String... nameQuantity) {
            containers.add(container("c" + containers.size(), res(nameQuantity), null));
            return this;
        }

        /** An app container with both requests and limits. */
        public PodMaker reqLimits(Map<String, Quantity> requests, Map<String, Quantity> limits) {
            containers.add(container("c" + containers.size(), requests, limits));
            return this;
        }

        /** An app container that requests nothing. */
        public PodMaker container() {
            containers.add(container("c" + containers.size(), null, null));
            return this;
        }

        /** A regular (run-to-completion) init container with these requests. */
        public PodMaker init(String... nameQuantity) {
            initContainers.add(container("init" + initContainers.size(), res(nameQuantity), null));
            return this;
        }

        /** A restartable init container (sidecar, restartPolicy Always) with these requests. */
        public PodMaker sidecar(String... nameQuantity) {
            Container c = container("sidecar" + initContainers.size(), res(nameQuantity), null);
            c.setRestartPolicy("Always");
            initContainers.add(c);
            return this;
        }

        public PodMaker overhead(String... nameQuantity) {
            pod.getSpec().setOverhead(res(nameQuantity));
            return this;
        }

        /** Host ports given as "PROTO/hostIP/port" strings on one app container, as upstream newPod does. */
        public PodMaker hostPorts(String... protoIpPort) {
            Container c = container("ports" + containers.size(), null, null);
            List<ContainerPort> ports = new ArrayList<>();
            for (String s : protoIpPort) {
                String[] p = s.split("/");
                ContainerPort cp = new ContainerPort();
                cp.setProtocol(p[0]);
                cp.setHostIP(p[1]);
                cp.setHostPort(Integer.parseInt(p[2]));
                ports.add(cp);
            }
            c.setPorts(ports);
            containers.add(c);
            return this;
        }

        /** An init container exposing a host port; sidecar makes it restartable. */
        public PodMaker initHostPort(boolean sidecar, int port) {
            Container c = container("init-ports" + initContainers.size(), null, null);
            ContainerPort cp = new ContainerPort();
            cp.setContainerPort(port);
            cp.setHostPort(port);
            cp.setProtocol("TCP");
            c.setPorts(List.of(cp));
            if (sidecar) {
                c.setRestartPolicy("Always");
            }
            initContainers.add(c);
            return this;
        }

        public PodMaker node(String nodeName) {
            pod.getSpec().setNodeName(nodeName);
            return this;
        }

        public PodMaker toleration(String key, String operator, String value, String effect) {
            List<Toleration> ts = pod.getSpec().getTolerations() == null ? new ArrayList<>() : new ArrayList<>(pod.getSpec().getTolerations());
            ts.add(new Toleration(effect, key, operator, null, value));
            pod.getSpec().setTolerations(ts);
            return this;
        }

        public PodMaker nodeSelector(String... kv) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put(kv[i], kv[i + 1]);
            }
            pod.getSpec().setNodeSelector(m);
            return this;
        }

        private NodeAffinity nodeAffinity() {
            if (pod.getSpec().getAffinity() == null) {
                pod.getSpec().setAffinity(new Affinity());
            }
            if (pod.getSpec().getAffinity().getNodeAffinity() == null) {
                pod.getSpec().getAffinity().setNodeAffinity(new NodeAffinity());
            }
            return pod.getSpec().getAffinity().getNodeAffinity();
        }

        /** requiredDuringSchedulingIgnoredDuringExecution with these (ORed) terms. */
        public PodMaker required(NodeSelectorTerm... terms) {
            nodeAffinity().setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(new ArrayList<>(Arrays.asList(terms))));
            return this;
        }

        /** A node affinity with no required selector at all (nil), as upstream's "nil NodeSelector" case. */
        public PodMaker emptyNodeAffinity() {
            nodeAffinity();
            return this;
        }

        public PodMaker preferred(PreferredSchedulingTerm... terms) {
            nodeAffinity().setPreferredDuringSchedulingIgnoredDuringExecution(new ArrayList<>(Arrays.asList(terms)));
            return this;
        }

        public Pod obj() {
            pod.getSpec().setContainers(new ArrayList<>(containers));
            pod.getSpec().setInitContainers(new ArrayList<>(initContainers));
            return pod;
        }

        public PodInfo info() {
            return new PodInfo(obj());
        }
    }

    /** A fluent node: capacity(...) sets both capacity and allocatable, as st.MakeNode().Capacity does. */
    public static final class NodeMaker {
        private final NodeBuilder b;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Taint> taints = new ArrayList<>();
        private Map<String, Quantity> allocatable = new LinkedHashMap<>();
        private boolean unschedulable;

        NodeMaker(String name) {
            b = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
        }

        public NodeMaker capacity(String... nameQuantity) {
            allocatable = res(nameQuantity);
            return this;
        }

        public NodeMaker label(String k, String v) {
            labels.put(k, v);
            return this;
        }

        public NodeMaker labels(Map<String, String> l) {
            labels.putAll(l);
            return this;
        }

        public NodeMaker taint(String key, String value, String effect) {
            taints.add(new Taint(effect, key, null, value));
            return this;
        }

        public NodeMaker unschedulable(boolean u) {
            unschedulable = u;
            return this;
        }

        public Node obj() {
            Node n = b.withNewSpec().withUnschedulable(unschedulable).withTaints(taints).endSpec()
                    .withNewStatus().withCapacity(allocatable).withAllocatable(allocatable).endStatus().build();
            n.getMetadata().setLabels(new LinkedHashMap<>(labels));
            return n;
        }

        public NodeInfo info(Pod... pods) {
            return nodeInfo(obj(), pods);
        }
    }
}
