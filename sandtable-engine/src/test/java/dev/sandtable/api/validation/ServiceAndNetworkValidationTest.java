package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.ValidationRows.row;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of pkg/apis/core/validation's TestValidateService, TestValidateConfigMap and TestValidateNamespace, and of
 * pkg/apis/networking/validation's TestValidateNetworkPolicy (v1.31), for the fields Sandtable models.
 */
class ServiceAndNetworkValidationTest {
    private static String service(String spec) {
        return "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n" + spec;
    }

    private static String policy(String spec) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n" + spec;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a valid Service", Service.class, service("  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n"), null),
                row("a headless Service without ports", Service.class, service("  clusterIP: None\n  selector: {app: web}\n"), null),
                row("Service name not a DNS-1035 label", Service.class, service("  ports: [{port: 80}]\n").replace("name: web", "name: 1web"),
                        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-',"
                                + " start with an alphabetic character, and end with an alphanumeric character"),
                row("no ports", Service.class, service("  selector: {app: web}\n"), "spec.ports: Required value"),
                row("port 0", Service.class, service("  ports: [{port: 0}]\n"), "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"),
                row("port 65536", Service.class, service("  ports: [{port: 65536}]\n"),
                        "spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive"),
                row("unnamed second port", Service.class, service("  ports: [{name: a, port: 80}, {port: 81}]\n"), "spec.ports[1].name: Required value"),
                row("invalid port name", Service.class, service("  ports: [{name: INVALID, port: 80}]\n"),
                        "spec.ports[0].name: Invalid value: \"INVALID\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"),
                row("duplicate port names", Service.class, service("  ports: [{name: p, port: 80}, {name: p, port: 81}]\n"),
                        "spec.ports[1].name: Duplicate value: \"p\""),
                row("duplicate port and protocol", Service.class, service("  ports: [{name: a, port: 80}, {name: b, port: 80}]\n"),
                        "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\""),
                row("unknown protocol", Service.class, service("  ports: [{port: 80, protocol: INVALID}]\n"),
                        "spec.ports[0].protocol: Unsupported value: \"INVALID\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
                row("targetPort 65536", Service.class, service("  ports: [{port: 80, targetPort: 65536}]\n"),
                        "spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive"),
                row("targetPort name invalid", Service.class, service("  ports: [{port: 80, targetPort: -http}]\n"),
                        "spec.ports[0].targetPort: Invalid value: \"-http\": must not begin or end with a hyphen"),
                row("unknown type", Service.class, service("  type: Internal\n  ports: [{port: 80}]\n"),
                        "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""),
                row("nodePort on a ClusterIP Service", Service.class, service("  ports: [{port: 80, nodePort: 30080}]\n"),
                        "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
                row("nodePort outside the node-port range", Service.class, service("  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n"),
                        "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"),
                row("unknown sessionAffinity", Service.class, service("  sessionAffinity: Sticky\n  ports: [{port: 80}]\n"),
                        "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\""),
                row("invalid selector key", Service.class, service("  selector: {'NoUppercaseOrSpecialCharsLike=Equals': b}\n  ports: [{port: 80}]\n"),
                        "spec.selector: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": name part must consist of"),
                row("ExternalName without externalName", Service.class, service("  type: ExternalName\n"), "spec.externalName: Required value"),
                row("a valid ConfigMap", ConfigMap.class, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {still.good: x, THIS_IS_GOOD: y}\n", null),
                row("ConfigMap key with *", ConfigMap.class, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {'b*d': x}\n",
                        "data[b*d]: Invalid value: \"b*d\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'"),
                row("ConfigMap key ..", ConfigMap.class, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {'..': x}\n",
                        "data[..]: Invalid value: \"..\": must not be '..'"),
                row("Namespace name with a dot", Namespace.class, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n",
                        "metadata.name: Invalid value: \"a.b\": a lowercase RFC 1123 label must consist of"),
                row("object in an invalid namespace", ConfigMap.class, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: Shop}\n",
                        "metadata.namespace: Invalid value: \"Shop\": a lowercase RFC 1123 label must consist of"),
                row("annotation key with two slashes", ConfigMap.class,
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {a/b/c: x}}\n",
                        "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of"),
                row("a valid NetworkPolicy", NetworkPolicy.class, policy("  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}],"
                        + " ports: [{port: 80, endPort: 90}]}]\n  policyTypes: [Ingress]\n"), null),
                row("NetworkPolicy: ipBlock with another peer", NetworkPolicy.class,
                        policy("  ingress: [{from: [{namespaceSelector: {}, ipBlock: {cidr: 10.0.0.0/8}}]}]\n"),
                        "spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer"),
                row("NetworkPolicy: empty peer", NetworkPolicy.class, policy("  egress: [{to: [{}]}]\n"),
                        "spec.egress[0].to[0]: Required value: must specify a peer"),
                row("NetworkPolicy: invalid podSelector", NetworkPolicy.class,
                        policy("").replace("podSelector: {}", "podSelector: {matchLabels: {a/b/c: x}}"),
                        "spec.podSelector.matchLabels: Invalid value: \"a/b/c\": a qualified name must consist of"),
                row("NetworkPolicy: unknown protocol", NetworkPolicy.class, policy("  ingress: [{ports: [{protocol: ICMP, port: 80}]}]\n"),
                        "spec.ingress[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\""),
                row("NetworkPolicy: port out of range", NetworkPolicy.class, policy("  ingress: [{ports: [{port: 34567893}]}]\n"),
                        "spec.ingress[0].ports[0].port: Invalid value: 34567893: must be between 1 and 65535, inclusive"),
                row("NetworkPolicy: invalid port name", NetworkPolicy.class, policy("  ingress: [{ports: [{port: '!@#$'}]}]\n"),
                        "spec.ingress[0].ports[0].port: Invalid value: \"!@#$\": must contain only alpha-numeric characters"),
                row("NetworkPolicy: endPort with a named port", NetworkPolicy.class, policy("  ingress: [{ports: [{port: http, endPort: 90}]}]\n"),
                        "spec.ingress[0].ports[0].endPort: Forbidden: may not be specified when `port` is non-numeric"),
                row("NetworkPolicy: endPort below port", NetworkPolicy.class, policy("  ingress: [{ports: [{port: 90, endPort: 80}]}]\n"),
                        "spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`"),
                row("NetworkPolicy: endPort without port", NetworkPolicy.class, policy("  ingress: [{ports: [{endPort: 80}]}]\n"),
                        "spec.ingress[0].ports[0].port: Required value: must be specified when `endPort` is specified"),
                row("NetworkPolicy: cidr without a prefix", NetworkPolicy.class,
                        policy("  ingress: [{from: [{ipBlock: {cidr: 192.168.5.6}}]}]\n"),
                        "spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"192.168.5.6\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"),
                row("NetworkPolicy: except outside cidr", NetworkPolicy.class,
                        policy("  egress: [{to: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.169.0.0/24]}}]}]\n"),
                        "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"192.169.0.0/24\": must be a strict subset of `cidr`"),
                row("NetworkPolicy: except equal to cidr", NetworkPolicy.class,
                        policy("  egress: [{to: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.0.0/16]}}]}]\n"),
                        "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"192.168.0.0/16\": must be a strict subset of `cidr`"),
                row("NetworkPolicy: an IPv6 block with a smaller except", NetworkPolicy.class,
                        policy("  egress: [{to: [{ipBlock: {cidr: '2001:db8::/64', except: ['2001:db8::/96']}}]}]\n"), null),
                row("NetworkPolicy: an IPv4 except in an IPv6 block", NetworkPolicy.class,
                        policy("  egress: [{to: [{ipBlock: {cidr: '2001:db8::/64', except: [10.0.0.0/8]}}]}]\n"),
                        "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`"),
                row("NetworkPolicy: unknown policyType", NetworkPolicy.class, policy("  policyTypes: [foo]\n"),
                        "spec.policyTypes[0]: Unsupported value: \"foo\": supported values: \"Ingress\", \"Egress\""),
                row("NetworkPolicy: three policyTypes", NetworkPolicy.class, policy("  policyTypes: [Ingress, Egress, Ingress]\n"),
                        "spec.policyTypes: Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", \"Ingress\"}: may not specify more than two policyTypes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowIsAcceptedOrRefusedWithUpstreamsPathAndMessage(String name, Class<? extends HasMetadata> type, String yaml, String expected) {
        ValidationRows.check(type, yaml, expected);
    }
}
