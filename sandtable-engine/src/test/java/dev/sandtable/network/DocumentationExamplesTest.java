package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the Kubernetes NetworkPolicy documentation (concepts and the declare-network-policy task, 1.31),
 * read from {@code network/docs-examples.yaml}: each example in a small cluster, and one test per statement the
 * documentation makes about what the policy allows or denies.
 */
class DocumentationExamplesTest {
    private static final Pattern EXPECTATION = Pattern.compile("(\\S+) -> (\\S+) (TCP|UDP|SCTP) (\\d+): (allowed|denied)");

    static Stream<Arguments> expectations() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : UpstreamNetpolTruthTableTest.load("/network/docs-examples.yaml").get("cases")) {
            for (JsonNode e : c.get("expect")) {
                out.add(Arguments.of(c.get("name").asText(), e.asText(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("expectations")
    void documentedBehaviourHolds(String example, String expectation, JsonNode testCase) {
        Matcher m = EXPECTATION.matcher(expectation);
        assertThat(m.matches()).as("expectation syntax: %s", expectation).isTrue();
        PolicyEngine engine = new PolicyEngine(snapshot(testCase));
        Verdict v = engine.evaluate(ref(m.group(1)), ref(m.group(2)), Integer.parseInt(m.group(4)), m.group(3));
        assertThat(v.allowed() ? "allowed" : "denied").as("%s (egress %s, ingress %s)", expectation, v.egress(), v.ingress()).isEqualTo(m.group(5));
    }

    static NetworkSnapshot snapshot(JsonNode c) {
        ObjectMapper json = new ObjectMapper();
        NetworkSnapshot.Builder b = NetworkSnapshot.builder();
        c.path("namespaces").fields().forEachRemaining(e -> b.namespace(e.getKey(), strings(e.getValue())));
        for (JsonNode p : c.path("pods")) {
            String[] ref = p.get("pod").asText().split("/");
            List<ContainerPort> ports = new ArrayList<>();
            for (JsonNode port : p.path("ports")) {
                ports.add(new ContainerPort(port.path("name").asText(null), port.get("port").asInt(), Protocol.ofApi(port.path("protocol").asText(null))));
            }
            b.pod(ref[0], ref[1], strings(p.path("labels")), p.get("ip").asText(), ports, new WorkloadKey("Pod", ref[0], ref[1]));
        }
        for (JsonNode x : c.path("externals")) {
            b.external(x.get("name").asText(), x.get("ip").asText());
        }
        for (JsonNode p : c.path("policies")) {
            ObjectNode node = p.deepCopy();
            node.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
            b.policy(json.convertValue(node, NetworkPolicy.class));
        }
        return b.build();
    }

    private static PodRef ref(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? PodRef.external(text) : new PodRef(text.substring(0, slash), text.substring(slash + 1));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
