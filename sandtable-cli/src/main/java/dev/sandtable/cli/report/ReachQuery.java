package dev.sandtable.cli.report;

import dev.sandtable.network.PortSet;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.RuleMatch;
import dev.sandtable.network.SideVerdict;
import java.util.List;

/**
 * What sandtable reach --from A --to B [--port P] prints: the verdict over every pod pair of the two workloads, and
 * for each distinct outcome one pod pair explained side by side (the source's egress, the destination's ingress).
 */
public record ReachQuery(String version, String from, String to, String port, String verdict, int pairs, int allowedPairs, List<String> allowedPorts,
                         List<PairExplanation> explanations, List<String> notes) {

    /** One pod pair: the connection tried (or, without a port, every port) and each side's reasoning. */
    public record PairExplanation(String from, String to, String via, String connection, boolean allowed, List<String> allowedPorts, Side egress, Side ingress,
                                  MeshSide mesh, int alike) {
    }

    /** Istio's part, when the platform has sidecars: whether the destination's sidecar enforces, and its reasons. */
    public record MeshSide(boolean enforced, boolean allowed, List<String> reasons) {
    }

    /** One side: isolated or not, by which policies, the rules whose peers include the other side, and the ports the side allows it. */
    public record Side(String direction, String pod, boolean isolated, List<String> isolatedBy, List<Match> rules, List<String> allowedPorts) {
        /** The side's reasoning; with a protocol and port, each rule says whether it admits that port. */
        public static Side of(SideVerdict s, Protocol protocol, Integer port) {
            return new Side(s.direction().field(), s.pod(), s.isolated(), s.policies(),
                    s.matches().stream().map(m -> Match.of(m, protocol, port)).toList(), ports(s.allowed()));
        }
    }

    /**
     * A rule whose peers include the other side: policy, the rule's field path, the peer that matched, the ports it
     * opens to this destination, and (when a port was asked) whether that port is among them.
     */
    public record Match(String policy, String rule, String peer, List<String> ports, Boolean admits) {
        static Match of(RuleMatch m, Protocol protocol, Integer port) {
            return new Match(m.rule().namespace() + "/" + m.rule().policy(), m.rule().path(), m.peer(), ReachQuery.ports(m.ports()),
                    port == null ? null : m.ports().contains(protocol, port));
        }
    }

    static List<String> ports(PortSet s) {
        return s.isEmpty() ? List.of() : s.describe();
    }
}
