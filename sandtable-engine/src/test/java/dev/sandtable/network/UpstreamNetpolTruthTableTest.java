package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The truth tables of the upstream NetworkPolicy e2e tests (test/e2e/network/netpol, Kubernetes 1.31), read from
 * {@code network/upstream-netpol-e2e.yaml}: 3 namespaces of 3 pods, and for each case the expected 9 x 9
 * reachability of each probed port; and Sandtable's own cases in the same layout ({@code sandtable-netpol-cases.yaml}).
 * Every case runs with IPv4 and with IPv6 pod addresses, and the workload matrix must agree with the pod-by-pod verdicts.
 */
class UpstreamNetpolTruthTableTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> PODS = List.of("x/a", "x/b", "x/c", "y/a", "y/b", "y/c", "z/a", "z/b", "z/c");

    static Stream<Arguments> upstreamCases() {
        return cases("/network/upstream-netpol-e2e.yaml");
    }

    static Stream<Arguments> sandtableCases() {
        return cases("/network/sandtable-netpol-cases.yaml");
    }

    private static Stream<Arguments> cases(String resource) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : load(resource).get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), 4, c));
            out.add(Arguments.of(c.get("name").asText(), 6, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} (IPv{1})")
    @MethodSource("upstreamCases")
    void probeMatrixMatchesUpstream(String name, int family, JsonNode testCase) {
        probe(family, testCase);
    }

    @ParameterizedTest(name = "{0} (IPv{1})")
    @MethodSource("sandtableCases")
    void probeMatrixMatchesSandtableCases(String name, int family, JsonNode testCase) {
        probe(family, testCase);
    }

    private static void probe(int family, JsonNode testCase) {
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        Map<String, Map<String, String>> podLabels = new HashMap<>();
        for (String pod : PODS) {
            podLabels.put(pod, new LinkedHashMap<>(Map.of("pod", pod.substring(2))));
        }
        int step = 0;
        for (JsonNode s : testCase.get("steps")) {
            step++;
            if (s.path("deleteAllPolicies").asBoolean()) {
                policies.clear();
            }
            for (JsonNode p : s.path("apply")) {
                policies.put(p.get("metadata").get("namespace").asText() + "/" + p.get("metadata").get("name").asText(), p);
            }
            s.path("namespaceLabels").fields().forEachRemaining(e ->
                    e.getValue().fields().forEachRemaining(l -> namespaceLabels.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(l.getKey(), l.getValue().asText())));
            s.path("podLabels").fields().forEachRemaining(e ->
                    e.getValue().fields().forEachRemaining(l -> podLabels.get(e.getKey()).put(l.getKey(), l.getValue().asText())));
            NetworkSnapshot snapshot = snapshot(testCase.get("serve"), family, policies.values(), namespaceLabels, podLabels);
            PolicyEngine engine = new PolicyEngine(snapshot);
            ReachabilityMatrix matrix = ReachabilityMatrix.compute(engine, WorkloadView.of(snapshot));
            for (JsonNode probe : s.get("probes")) {
                Protocol protocol = Protocol.ofApi(probe.get("protocol").asText());
                int port = probe.get("port").asInt();
                String expected = probe.get("expect").asText();
                String where = "step " + step + ", " + protocol + " " + port;
                assertThat(grid(pod -> pod, (from, to) -> engine.evaluate(ref(from), ref(to), port, protocol.name()).allowed()))
                        .as("pod verdicts, %s", where).isEqualTo(expected);
                WorkloadView view = matrix.view();
                assertThat(grid(pod -> pod, (from, to) -> matrix.ports(workload(view, from), workload(view, to)).contains(protocol, port)))
                        .as("workload matrix, %s", where).isEqualTo(expected);
            }
        }
    }

    static NetworkSnapshot snapshot(JsonNode serve, int family, Iterable<JsonNode> policies, Map<String, Map<String, String>> namespaceLabels,
                                    Map<String, Map<String, String>> podLabels) {
        NetworkSnapshot.Builder b = NetworkSnapshot.builder();
        for (String ns : List.of("x", "y", "z")) {
            b.namespace(ns, namespaceLabels.getOrDefault(ns, Map.of()));
        }
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode proto : serve.get("protocols")) {
            for (JsonNode port : serve.get("ports")) {
                ports.add(new ContainerPort("serve-" + port.asInt() + "-" + proto.asText().toLowerCase(), port.asInt(), Protocol.ofApi(proto.asText())));
            }
        }
        for (String pod : PODS) {
            String[] p = pod.split("/");
            b.pod(p[0], p[1], podLabels.get(pod), ip(pod, family), ports, new WorkloadKey("Pod", p[0], p[1]));
        }
        for (JsonNode policy : policies) {
            String text = policy.toString().replace("{{pods}}", family == 4 ? "10.244.0.0/16" : "fd00:10:244::/48");
            for (int ns = 0; ns < 3; ns++) {
                text = text.replace("{{podcidr " + "xyz".charAt(ns) + "}}", family == 4 ? "10.244." + ns + ".0/24" : "fd00:10:244:" + ns + "::/64");
            }
            for (String pod : PODS) {
                text = text.replace("{{ip " + pod + "}}", ip(pod, family)).replace("{{host " + pod + "}}", ip(pod, family) + (family == 4 ? "/32" : "/128"));
            }
            try {
                ObjectNode node = (ObjectNode) YAML.readTree(text);
                node.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
                b.policy(YAML.treeToValue(node, NetworkPolicy.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.build();
    }

    /** x/a is 10.244.0.10 or fd00:10:244::a; y pods are on 10.244.1.0/24, z pods on 10.244.2.0/24. */
    static String ip(String pod, int family) {
        int ns = "xyz".indexOf(pod.charAt(0));
        int host = 10 + "abc".indexOf(pod.charAt(2));
        return family == 4 ? "10.244." + ns + "." + host : "fd00:10:244:" + ns + "::" + Integer.toHexString(host);
    }

    private static PodRef ref(String pod) {
        return new PodRef(pod.substring(0, 1), pod.substring(2));
    }

    private static int workload(WorkloadView view, String pod) {
        return view.find(new WorkloadKey("Pod", pod.substring(0, 1), pod.substring(2))).orElseThrow().index();
    }

    interface Cell {
        boolean allowed(String from, String to);
    }

    /** The same layout as the expectations: a header of destinations, then one row per source. */
    static String grid(UnaryOperator<String> label, Cell cell) {
        StringBuilder sb = new StringBuilder("    ");
        sb.append(String.join(" ", PODS.stream().map(p -> p.replace("/", "")).toList())).append('\n');
        for (String from : PODS) {
            sb.append(from.replace("/", ""));
            for (String to : PODS) {
                sb.append("  ").append(cell.allowed(label.apply(from), label.apply(to)) ? '.' : 'X');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static JsonNode load(String resource) {
        try (InputStream in = UpstreamNetpolTruthTableTest.class.getResourceAsStream(resource)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
