package dev.sandtable.network;

import java.util.BitSet;
import java.util.List;

/** A NetworkPolicy with the pods it selects and its effective rules resolved against one snapshot. */
public record CompiledPolicy(int index, Policy policy, BitSet selected, List<CompiledRule> ingress, List<CompiledRule> egress) {

    public List<CompiledRule> rules(Direction d) {
        return d == Direction.INGRESS ? ingress : egress;
    }
}
