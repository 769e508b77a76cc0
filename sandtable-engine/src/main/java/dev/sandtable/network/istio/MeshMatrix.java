package dev.sandtable.network.istio;

import dev.sandtable.network.Edge;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.PortSet;
import dev.sandtable.network.ReachabilityMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload connections once Istio has had its say: each NetworkPolicy edge narrowed, pod pair by pod pair, to
 * what the destination's sidecar lets through. Istio only takes away, so only the NetworkPolicy edges are visited.
 */
public final class MeshMatrix {
    private MeshMatrix() {
    }

    public static List<Edge> edges(PolicyEngine engine, ReachabilityMatrix matrix, Mesh mesh) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : matrix.edges()) {
            PortSet union = PortSet.NONE;
            PortSet first = null;
            boolean partial = false;
            for (int a : e.from().endpoints()) {
                for (int b : e.to().endpoints()) {
                    if (a == b && e.from().endpoints().size() > 1) {
                        continue;
                    }
                    PortSet p = engine.allowed(a, b).intersect(mesh.allowed(a, b));
                    partial |= first != null && !first.equals(p);
                    first = first == null ? p : first;
                    union = union.union(p);
                }
            }
            if (!union.isEmpty()) {
                out.add(new Edge(e.from(), e.to(), union, partial));
            }
        }
        return out;
    }
}
