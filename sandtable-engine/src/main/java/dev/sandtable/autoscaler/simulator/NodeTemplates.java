package dev.sandtable.autoscaler.simulator;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.controller.daemonset.DaemonSetController;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;

/**
 * Template nodes of a pool (cluster-autoscaler 1.31 TemplateNodeInfo with its DaemonSet pods): the node the provider
 * would register next, with the daemon pods that would start on it, under a name of the autoscaler's own.
 */
public final class NodeTemplates {
    private final ObjectStore store;

    public NodeTemplates(ObjectStore store) {
        this.store = store;
    }

    /** A new node of the pool for simulations, named name, in the zone of the pool's index-th node. */
    public NodeInfo build(ResolvedNodePool pool, String name, int index) {
        Node node = NodeFactory.build(pool, index, 0);
        node.getMetadata().setName(name);
        node.getMetadata().getLabels().put("kubernetes.io/hostname", name);
        NodeInfo info = new NodeInfo(node);
        int i = 0;
        for (DaemonSet ds : store.list(DaemonSet.class)) {
            PodSpec spec = DaemonSetController.withDaemonTolerations(ds.getSpec().getTemplate().getSpec());
            if (DaemonSetController.shouldRun(spec, node)) {
                Pod pod = Pods.fromTemplate(ds.getSpec().getTemplate(), ds, ds.getMetadata().getName() + "-" + name, null);
                pod.setSpec(spec);
                pod.getSpec().setNodeName(name);
                pod.getMetadata().setUid(name + "-ds-" + i++);
                info.addPod(pod.getMetadata().getUid(), new PodInfo(pod));
            }
        }
        return info;
    }
}
