package dev.sandtable.network;

import java.util.List;

/**
 * One side of a connection: the source's egress or the destination's ingress. When no policy with that policy
 * type selects the pod it is not isolated and everything passes; otherwise only what the matching rules allow.
 */
public record SideVerdict(Direction direction, String pod, boolean isolated, List<String> policies, List<RuleMatch> matches, PortSet allowed) {

    public boolean allows(Protocol protocol, int port) {
        return allowed.contains(protocol, port);
    }
}
