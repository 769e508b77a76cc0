package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

/** How a NetworkPolicy reads after the API server's defaulting, and what it makes of entries it would refuse. */
class PolicyParserTest {

    private static Policy parse(String spec) {
        return PolicyParser.parse(Yaml.read(NetworkPolicy.class, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: ns}
                spec:
                """ + spec.indent(2)));
    }

    @Test
    void withoutPolicyTypesAPolicyIsolatesIngressAlways() {
        Policy p = parse("podSelector: {}\n");
        assertThat(p.isolatesIngress()).isTrue();
        assertThat(p.isolatesEgress()).isFalse();
    }

    @Test
    void withoutPolicyTypesEgressRulesAddEgressIsolation() {
        Policy p = parse("podSelector: {}\negress:\n- {}\n");
        assertThat(p.isolatesIngress()).isTrue();
        assertThat(p.isolatesEgress()).isTrue();
    }

    @Test
    void rulesOfADirectionNotInPolicyTypesAreIgnored() {
        Policy p = parse("podSelector: {}\npolicyTypes: [Egress]\ningress:\n- {}\n");
        assertThat(p.isolatesIngress()).isFalse();
        assertThat(p.rules(Direction.INGRESS)).isEmpty();
        assertThat(p.rules(Direction.EGRESS)).isEmpty();
        assertThat(p.isolatesEgress()).isTrue();
    }

    @Test
    void anEmptyRuleAdmitsEveryPeerOnEveryPort() {
        PolicyRule r = parse("podSelector: {}\ningress:\n- {}\n").ingressRules().get(0);
        assertThat(r.anyPeer()).isTrue();
        assertThat(r.anyPort()).isTrue();
    }

    @Test
    void refusedEntriesAreProblemsAndMatchNothing() {
        Policy p = parse("""
                podSelector: {}
                ingress:
                - from:
                  - {}
                  - ipBlock: {cidr: 10.0.0.0/33}
                  - ipBlock: {cidr: 10.0.0.0/8}
                    podSelector: {}
                  ports:
                  - {port: http, endPort: 90}
                  - {port: 90, endPort: 80}
                  - {protocol: ICMP, port: 1}
                  - {endPort: 80}
                """);
        assertThat(p.problems()).hasSize(7).anyMatch(s -> s.startsWith("spec.ingress[0].from[0]: a peer needs"))
                .anyMatch(s -> s.contains("invalid CIDR 10.0.0.0/33")).anyMatch(s -> s.contains("cannot be combined"))
                .anyMatch(s -> s.contains("named port http")).anyMatch(s -> s.contains("must be at least port 90"))
                .anyMatch(s -> s.contains("unsupported protocol ICMP")).anyMatch(s -> s.contains("endPort needs a numeric port"));
        PolicyRule r = p.ingressRules().get(0);
        assertThat(r.peers()).noneMatch(PolicyPeer::valid);
        assertThat(r.ports()).noneMatch(PolicyPort::valid);
        assertThat(CompiledRule.fixedPorts(r)).isNull();
    }

    @Test
    void aNamedPortKeepsItsProtocolAndTCPIsTheDefault() {
        PolicyRule r = parse("podSelector: {}\ningress:\n- ports:\n  - {port: dns, protocol: UDP}\n  - {port: web}\n").ingressRules().get(0);
        assertThat(r.ports()).containsExactly(new PolicyPort(Protocol.UDP, null, "dns", null, true), new PolicyPort(Protocol.TCP, null, "web", null, true));
    }
}
