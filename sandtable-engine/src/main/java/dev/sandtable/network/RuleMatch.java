package dev.sandtable.network;

/** A rule whose peers include the other side of a connection, and the ports it allows for it. */
public record RuleMatch(RuleRef rule, String peer, PortSet ports) {
}
