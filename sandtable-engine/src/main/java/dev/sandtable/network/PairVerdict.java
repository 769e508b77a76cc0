package dev.sandtable.network;

/** Everything one endpoint may open to another: the ports both the source's egress and the destination's ingress allow. */
public record PairVerdict(String from, String to, PortSet allowed, SideVerdict egress, SideVerdict ingress) {
}
