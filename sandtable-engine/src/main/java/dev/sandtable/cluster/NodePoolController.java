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
    private int clusterIndex;

    public NodePoolController(ObjectStore store, InstanceTypeCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        store.watch(NodePool.class, this::onNodePool);
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
