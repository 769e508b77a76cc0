package dev.sandtable.cli.report;

import dev.sandtable.network.PortSet;
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
                                  int alike) {
    }

    /** One side: isolated or not, by which policies, and the rules that admit the other side. */
    public record Side(String direction, String pod, boolean isolated, List<String> isolatedBy, List<Match> allowedBy, List<String> allowedPorts) {
        public static Side of(SideVerdict s) {
            return new Side(s.direction().field(), s.pod(), s.isolated(), s.policies(),
                    s.matches().stream().map(Match::of).toList(), s.allowed().describe());
        }
    }

    /** A rule that admits the connection: policy, the rule's field path, the peer that matched and the ports it opens. */
    public record Match(String policy, String rule, String peer, List<String> ports) {
        static Match of(RuleMatch m) {
            return new Match(m.rule().namespace() + "/" + m.rule().policy(), m.rule().path(), m.peer(), m.ports().describe());
        }
    }

    static List<String> ports(PortSet s) {
        return s.isEmpty() ? List.of() : s.describe();
    }
}
