package dev.sandtable.network.istio;

import java.util.List;

/** Istio's say on one connection: whether it applies (the destination has a sidecar and the traffic is TCP), and why it allows or refuses. */
public record MeshVerdict(boolean applies, boolean allowed, List<String> reasons) {
}
