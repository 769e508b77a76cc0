package dev.sandtable.cluster;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import io.fabric8.kubernetes.api.model.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provisions a pool's nodes as the provider's node group does (AKS VMSS, EKS managed node group, GKE MIG):
 * at creation it registers initialCount nodes spread round-robin over the pool's zones.
 */
public final class NodePoolController {
    private final ObjectStore store;
    private final InstanceTypeCatalog catalog;
    private final Map<String, ResolvedNodePool> pools = new LinkedHashMap<>();
    private final Map<String, Integer> nextIndex = new LinkedHashMap<>();
    private final Map<String, Integer> registered = new java.util.HashMap<>();
    private final Map<String, Integer> upcoming = new java.util.HashMap<>();
    private int clusterIndex;

    public NodePoolController(ObjectStore store, InstanceTypeCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        store.watch(NodePool.class, this::onNodePool);
        store.watch(Node.class, this::onNode);
    }

    private void onNode(WatchEvent<Node> e) {
        if (e.type() == WatchEvent.Type.MODIFIED) {
            return;
        }
        String pool = poolOf(e.object());
        if (pool != null) {
            registered.merge(pool, e.type() == WatchEvent.Type.ADDED ? 1 : -1, Integer::sum);
        }
    }

    /** The pool a node belongs to, from its pool label; null for nodes of no pool. */
    public static String poolOf(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? null : labels.get(NodeFactory.POOL_LABEL);
    }

    /** The index the pool's next node gets (its zone and name follow from it). */
    public int nextIndex(String pool) {
        return nextIndex.getOrDefault(pool, 0);
    }

    /** Nodes registered for the pool. */
    public int registeredSize(String pool) {
        return registered.getOrDefault(pool, 0);
    }

    /** The node group's target size: registered nodes plus those asked for that have not registered yet. */
    public int targetSize(String pool) {
        return registeredSize(pool) + upcoming.getOrDefault(pool, 0);
    }

    /** A node asked for and not registered yet; cancelling it gives the capacity back, as deleting the VM would. */
    public final class Upcoming {
        private final ResolvedNodePool pool;
        private boolean done;
        private Node node;

        private Upcoming(ResolvedNodePool pool) {
            this.pool = pool;
        }

        private void register() {
            if (!done) {
                done = true;
                upcoming.merge(pool.name(), -1, Integer::sum);
                node = addNode(pool);
            }
        }

        /** The node once registered, else null. */
        public Node node() {
            return node;
        }

        /** Stops a node that has not registered yet; false when it already has. */
        public boolean cancel() {
            if (done) {
                return false;
            }
            done = true;
            upcoming.merge(pool.name(), -1, Integer::sum);
            return true;
        }
    }

    /** IncreaseSize by one: the node registers, Ready, after the provisioning delay unless cancelled before. */
    public Upcoming increaseSize(ResolvedNodePool pool, java.time.Duration provisioningDelay) {
        Upcoming u = new Upcoming(pool);
        upcoming.merge(pool.name(), 1, Integer::sum);
        store.clock().after(provisioningDelay, u::register);
        return u;
    }

    /** DeleteNodes: the VM goes away, and with it the node and whatever pods are still bound to it (pod GC). */
    public void deleteNode(Node node) {
        String name = node.getMetadata().getName();
        for (io.fabric8.kubernetes.api.model.Pod p : store.list(io.fabric8.kubernetes.api.model.Pod.class)) {
            if (name.equals(p.getSpec().getNodeName())) {
                store.delete(p);
            }
        }
        store.delete(node);
    }

    /** Pools by name, resolved, in the order they were created. */
    public Map<String, ResolvedNodePool> pools() {
        return pools;
    }

    /** Adds one node to the pool, as a scale-up of its node group would. */
    public Node addNode(ResolvedNodePool pool) {
        int index = nextIndex.merge(pool.name(), 1, Integer::sum) - 1;
        return store.create(NodeFactory.build(pool, index, clusterIndex++));
    }

    private void onNodePool(WatchEvent<NodePool> e) {
        if (e.type() != WatchEvent.Type.ADDED) {
            return;
        }
        NodePools.Result r = NodePools.resolve(e.object(), catalog);
        if (r.pool().isEmpty()) {
            throw new IllegalArgumentException("NodePool " + e.object().getMetadata().getName() + " is invalid: " + r.errors());
        }
        ResolvedNodePool pool = r.pool().get();
        pools.put(pool.name(), pool);
        for (int i = 0; i < pool.initialCount(); i++) {
            addNode(pool);
        }
    }
}
