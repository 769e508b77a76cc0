package dev.sandtable.network;

/**
 * Names the part of a NetworkPolicy that allowed a connection, with the spec's own field path:
 * {@code ingress[0].from[1]}; peer -1 means the rule has no from/to, so it admits every peer.
 */
public record RuleRef(String namespace, String policy, Direction direction, int rule, int peer) {

    public String path() {
        String r = direction.field() + "[" + rule + "]";
        return peer < 0 ? r : r + "." + direction.peersField() + "[" + peer + "]";
    }

    @Override
    public String toString() {
        return namespace + "/" + policy + " " + path();
    }
}
