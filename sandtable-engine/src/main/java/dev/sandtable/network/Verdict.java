package dev.sandtable.network;

/**
 * Whether one connection (source, destination, protocol, port) is allowed: both sides must allow it. Each side
 * lists only the rules that admit this very port.
 */
public record Verdict(String from, String to, Protocol protocol, int port, boolean allowed, SideVerdict egress, SideVerdict ingress) {
}
