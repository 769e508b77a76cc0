package dev.sandtable.autoscaler.scaledown;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.cluster.NodePoolController;
import dev.sandtable.controller.disruption.Eviction;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * cluster-autoscaler 1.31's scale-down actuator (core/scaledown/actuation): taints the node ToBeDeletedByClusterAutoscaler,
 * evicts its pods through the Eviction API (retrying refusals until max-pod-eviction-time), then deletes the node;
 * a drain that cannot finish removes the taint and counts as a failed scale-down.
 */
public final class Actuator {
    /** How long the actuator waits before retrying a refused eviction (actuation/drain.go's retry time). */
    static final Duration EVICTION_RETRY = Duration.ofSeconds(10);

    private final ObjectStore store;
    private final NodePoolController pools;
    private final Eviction eviction;

    public Actuator(ObjectStore store, NodePoolController pools, Eviction eviction) {
        this.store = store;
        this.pools = pools;
        this.eviction = eviction;
    }

    /** How a node's removal ended: removed, or failed with the refusal that stopped it. */
    public record Outcome(String node, boolean removed, String reason) {
    }

    /** Starts removing the node; done receives the outcome once it is known (at once for an empty node). */
    public void remove(Node node, boolean evictDaemonPods, Duration maxPodEvictionTime, Consumer<Outcome> done) {
        String name = node.getMetadata().getName();
        Node current = store.get(Node.class, "", name).orElse(null);
        if (current == null) {
            done.accept(new Outcome(name, false, "the node is gone"));
            return;
        }
        taint(current, true);
        long deadline = store.clock().nowMillis() + maxPodEvictionTime.toMillis();
        drain(name, evictDaemonPods, deadline, done);
    }

    private void drain(String name, boolean evictDaemonPods, long deadline, Consumer<Outcome> done) {
        Node node = store.get(Node.class, "", name).orElse(null);
        if (node == null) {
            done.accept(new Outcome(name, false, "the node is gone"));
            return;
        }
        String refused = null;
        for (Pod p : podsOn(name)) {
            var c = dev.sandtable.api.Pods.controllerOf(p);
            boolean daemon = c != null && "DaemonSet".equals(c.getKind());
            var annotations = p.getMetadata().getAnnotations();
            if (daemon && !evictDaemonPods || annotations != null && annotations.containsKey(DrainRules.MIRROR)) {
                continue;
            }
            Eviction.Result r = eviction.evict(p);
            if (!r.evicted() && r.code() != 404 && !daemon) {
                refused = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName() + ": " + r.message();
            }
        }
        if (refused == null) {
            pools.deleteNode(node);
            done.accept(new Outcome(name, true, null));
            return;
        }
        if (store.clock().nowMillis() + EVICTION_RETRY.toMillis() > deadline) {
            taint(node, false);
            done.accept(new Outcome(name, false, "eviction refused for max-pod-eviction-time: " + refused));
            return;
        }
        store.clock().after(EVICTION_RETRY, () -> drain(name, evictDaemonPods, deadline, done));
    }

    private List<Pod> podsOn(String node) {
        List<Pod> out = new ArrayList<>();
        for (Pod p : store.list(Pod.class)) {
            if (node.equals(p.getSpec().getNodeName())) {
                out.add(p);
            }
        }
        return out;
    }

    private void taint(Node node, boolean add) {
        List<Taint> taints = new ArrayList<>(node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints());
        taints.removeIf(t -> Eligibility.TO_BE_DELETED_TAINT.equals(t.getKey()));
        if (add) {
            taints.add(new Taint("NoSchedule", Eligibility.TO_BE_DELETED_TAINT, null, Long.toString(store.clock().now().getEpochSecond())));
        }
        node.getSpec().setTaints(taints);
        store.update(node);
    }
}
