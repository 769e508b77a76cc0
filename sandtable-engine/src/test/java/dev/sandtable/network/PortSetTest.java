package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Port sets: what a rule's ports allow, combined across rules (union) and across the two sides (intersection). */
class PortSetTest {

    @Test
    void aRangeContainsItsEndsAndNothingOutside() {
        PortSet s = PortSet.range(Protocol.TCP, 32000, 32768);
        assertThat(s.contains(Protocol.TCP, 32000)).isTrue();
        assertThat(s.contains(Protocol.TCP, 32768)).isTrue();
        assertThat(s.contains(Protocol.TCP, 31999)).isFalse();
        assertThat(s.contains(Protocol.UDP, 32000)).isFalse();
        assertThat(s).hasToString("TCP 32000-32768");
    }

    @Test
    void unionMergesOverlappingAndAdjacentRanges() {
        PortSet s = PortSet.port(Protocol.TCP, 80).union(PortSet.port(Protocol.TCP, 81)).union(PortSet.range(Protocol.TCP, 83, 90))
                .union(PortSet.range(Protocol.TCP, 85, 100)).union(PortSet.port(Protocol.UDP, 53));
        assertThat(s.describe()).containsExactly("TCP 80-81", "TCP 83-100", "UDP 53");
    }

    @Test
    void intersectionKeepsWhatBothSidesAllow() {
        PortSet egress = PortSet.range(Protocol.TCP, 1, 1000).union(PortSet.all(Protocol.UDP));
        PortSet ingress = PortSet.port(Protocol.TCP, 8000).union(PortSet.port(Protocol.TCP, 443)).union(PortSet.port(Protocol.UDP, 53));
        assertThat(egress.intersect(ingress)).hasToString("TCP 443, UDP 53");
        assertThat(PortSet.ALL.intersect(ingress)).isEqualTo(ingress);
        assertThat(PortSet.port(Protocol.SCTP, 80).intersect(PortSet.port(Protocol.TCP, 80)).isEmpty()).isTrue();
    }

    @Test
    void minusRemovesPortsAndSplitsRanges() {
        PortSet s = PortSet.all(Protocol.TCP).union(PortSet.port(Protocol.UDP, 53));
        assertThat(s.minus(PortSet.range(Protocol.TCP, 80, 81)).minus(PortSet.port(Protocol.TCP, 65535))).hasToString("TCP 1-79, TCP 82-65534, UDP 53");
        assertThat(s.minus(PortSet.ALL).isEmpty()).isTrue();
        assertThat(PortSet.ALL.minus(PortSet.all(Protocol.UDP))).hasToString("TCP all, SCTP all");
    }

    @Test
    void everyPortOfEveryProtocolIsAllAndReadsSo() {
        PortSet s = PortSet.all(Protocol.TCP).union(PortSet.all(Protocol.UDP)).union(PortSet.all(Protocol.SCTP));
        assertThat(s.isAll()).isTrue();
        assertThat(s).isEqualTo(PortSet.ALL).hasToString("all ports");
        assertThat(PortSet.all(Protocol.UDP)).hasToString("UDP all");
        assertThat(PortSet.NONE).hasToString("none");
    }
}
