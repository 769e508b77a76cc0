package dev.sandtable.scheduler.plugins.nodeports;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts, TestFits).
 * Case names are upstream's; host ports are written "PROTOCOL/hostIP/port" as upstream's newPod takes them.
 */
class NodePortsTest {
    private final NodePorts plugin = new NodePorts();

    private static PodMaker ports(String... protoIpPort) {
        return protoIpPort.length == 0 ? pod() : pod().hostPorts(protoIpPort);
    }

    private static String[] p(String... s) {
        return s;
    }

    static Stream<Arguments> nodePorts() {
        return Stream.of(
                Arguments.of("skip filter", pod(), p(), true),
                Arguments.of("other port", ports("UDP/127.0.0.1/8080"), p("UDP/127.0.0.1/9090"), true),
                Arguments.of("same udp port", ports("UDP/127.0.0.1/8080"), p("UDP/127.0.0.1/8080"), false),
                Arguments.of("same tcp port", ports("TCP/127.0.0.1/8080"), p("TCP/127.0.0.1/8080"), false),
                Arguments.of("different host ip", ports("TCP/127.0.0.1/8080"), p("TCP/127.0.0.2/8080"), true),
                Arguments.of("different protocol", ports("UDP/127.0.0.1/8080"), p("TCP/127.0.0.1/8080"), true),
                Arguments.of("second udp port conflict", ports("UDP/127.0.0.1/8000", "UDP/127.0.0.1/8080"),
                        p("UDP/127.0.0.1/8080"), false),
                Arguments.of("first tcp port conflict", ports("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8080"),
                        p("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8081"), false),
                Arguments.of("first tcp port conflict due to 0.0.0.0 hostIP", ports("TCP/0.0.0.0/8001"),
                        p("TCP/127.0.0.1/8001"), false),
                Arguments.of("TCP hostPort conflict due to 0.0.0.0 hostIP", ports("TCP/10.0.10.10/8001", "TCP/0.0.0.0/8001"),
                        p("TCP/127.0.0.1/8001"), false),
                Arguments.of("second tcp port conflict to 0.0.0.0 hostIP", ports("TCP/127.0.0.1/8001"),
                        p("TCP/0.0.0.0/8001"), false),
                Arguments.of("second different protocol", ports("UDP/127.0.0.1/8001"), p("TCP/0.0.0.0/8001"), true),
                Arguments.of("UDP hostPort conflict due to 0.0.0.0 hostIP", ports("UDP/127.0.0.1/8001"),
                        p("TCP/0.0.0.0/8001", "UDP/0.0.0.0/8001"), false),
                Arguments.of("non-sidecar initContainer using hostPort", pod().initHostPort(false, 8001),
                        p("TCP/0.0.0.0/8001"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodePorts")
    void filter(String name, PodMaker pod, String[] existing, boolean fits) {
        NodeInfo ni = existing.length == 0 ? node("m1").info() : node("m1").info(ports(existing).node("m1").obj());
        Status got = plugin.filter(new CycleState(), pod.info(), ni);
        if (fits) {
            assertThat(got.isSuccess()).as("filter status %s", got).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
            assertThat(got.reasons()).containsExactly(NodePorts.ERR_REASON);
        }
    }

    static Stream<Arguments> fits() {
        return Stream.of(
                Arguments.of("non-conflicting ports", p("TCP/127.0.0.1/80"), p("TCP/127.0.0.1/9090"), true),
                Arguments.of("multiple non-conflicting ports", p("TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"),
                        p("TCP/127.0.0.1/9090", "TCP/127.0.0.1/9191", "TCP/127.0.1.1/8080"), true),
                Arguments.of("same ports on different protocols", p("TCP/127.0.0.1/80"), p("UDP/127.0.0.1/80"), true),
                Arguments.of("conflicting ports", p("TCP/127.0.0.1/80"), p("TCP/127.0.0.1/80"), false),
                Arguments.of("multiple ports, some conflicting", p("TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"),
                        p("TCP/127.0.0.1/9090", "TCP/127.0.1.1/90", "TCP/127.0.1.1/8080"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void fits(String name, String[] wanted, String[] existing, boolean expect) {
        NodeInfo ni = node("n").info(ports(existing).node("n").obj());
        assertThat(plugin.filter(new CycleState(), ports(wanted).info(), ni).isSuccess()).isEqualTo(expect);
    }
}
