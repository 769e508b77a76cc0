package dev.sandtable.cluster;

import dev.sandtable.api.SandtableResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Sandtable's NodePool kind (sandtable.dev/v1alpha1): a group of identical nodes, as AKS, EKS and GKE node pools are. */
@Group(SandtableResource.GROUP)
@Version(SandtableResource.VERSION)
@Kind(NodePool.KIND)
public final class NodePool extends SandtableResource<NodePoolSpec> {
    public static final String GROUP = SandtableResource.GROUP;
    public static final String API_VERSION = SandtableResource.API_VERSION;
    public static final String KIND = "NodePool";

    public NodePool() {
        super(KIND, NodePoolSpec.EMPTY);
    }

    @Override
    protected NodePoolSpec emptySpec() {
        return NodePoolSpec.EMPTY;
    }
}
