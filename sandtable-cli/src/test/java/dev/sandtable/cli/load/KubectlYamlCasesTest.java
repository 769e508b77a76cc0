package dev.sandtable.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;

/**
 * Every reader reads YAML as kubectl does: each document of kubectl-yaml/scalars.yaml against the JSON kubectl printed
 * for it (recorded by kubectl-yaml/record.sh, version in kubectl-version.txt), through the block reader, the
 * event reader, snakeyaml-engine's Load and the whole object reader; and the built-in kinds and refused values.
 */
class KubectlYamlCasesTest {
    private static final Path DIR = Path.of("src/test/resources/kubectl-yaml");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YamlTrees TREES = new YamlTrees(KubectlSchema.settings(false));

    static Stream<Arguments> cases() throws IOException {
        List<Document> docs = DocumentSplitter.split(new Source("scalars.yaml", Files.readString(DIR.resolve("scalars.yaml"))));
        List<JsonNode> expected = new ArrayList<>();
        try (var it = MAPPER.readerFor(JsonNode.class).readValues(DIR.resolve("scalars.kubectl.json").toFile())) {
            while (it.hasNext()) {
                expected.add((JsonNode) it.next());
            }
        }
        assertThat(expected).hasSameSizeAs(docs);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i).text();
            String what = text.substring(text.indexOf("spec:") + 6).strip().replace("\n", "; ");
            out.add(Arguments.of(what, docs.get(i), expected.get(i)));
        }
        return out.stream();
    }

    /** The value a JSON text reads back as, so that 1000 written from a long and from a BigInteger compare equal. */
    private static JsonNode asJsonText(Object tree) throws IOException {
        return MAPPER.readTree(MAPPER.writeValueAsString(tree));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBlockReaderReadsTheScalarAsKubectlDoes(String what, Document doc, JsonNode kubectl) throws IOException {
        var tokens = BlockYaml.tokens(doc.text(), TREES, MAPPER);
        assertThat(asJsonText(MAPPER.readTree(tokens.buffer().asParser(MAPPER)))).isEqualTo(kubectl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEventReaderReadsTheScalarAsKubectlDoes(String what, Document doc, JsonNode kubectl) throws IOException {
        var tokens = TREES.tokens(doc.text(), MAPPER);
        assertThat(asJsonText(MAPPER.readTree(tokens.buffer().asParser(MAPPER)))).isEqualTo(kubectl);
        assertThat(asJsonText(TREES.parse(doc.text()))).isEqualTo(kubectl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void snakeyamlWithTheKubectlSchemaReadsTheScalarAsKubectlDoes(String what, Document doc, JsonNode kubectl) throws IOException {
        Object tree = YamlTrees.jsonKeys(new Load(KubectlSchema.settings(true)).loadFromString(doc.text()));
        assertThat(asJsonText(tree)).isEqualTo(kubectl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theObjectReaderKeepsTheCustomResourceAsKubectlReadsIt(String what, Document doc, JsonNode kubectl) throws IOException {
        var result = new ObjectReader().read(doc);
        assertThat(result.problem()).isNull();
        assertThat(asJsonText(result.objects().getFirst().object())).isEqualTo(kubectl);
    }

    @Test
    void octalHexAndBinaryIntegersInABuiltInKindAreTheNumbersKubectlReads() throws IOException {
        var doc = DocumentSplitter.split(new Source("typed-pod-modes.yaml", Files.readString(DIR.resolve("typed-pod-modes.yaml")))).getFirst();
        var result = new ObjectReader().read(doc);
        assertThat(result.problem()).isNull();
        Pod pod = (Pod) result.objects().getFirst().object();
        ObjectNode kubectl = (ObjectNode) MAPPER.readTree(DIR.resolve("typed-pod-modes.kubectl.json").toFile());
        JsonNode ours = MAPPER.valueToTree(pod);
        assertThat(pod.getSpec().getVolumes().getFirst().getConfigMap().getDefaultMode()).isEqualTo(420);
        for (String path : List.of("/spec/securityContext", "/spec/volumes", "/spec/containers/0/ports")) {
            assertThat(asJsonText(ours.at(path))).as(path).isEqualTo(kubectl.at(path));
        }
    }

    @Test
    void mergeKeysApplyAsGoYamlAppliesThem() throws IOException {
        var doc = DocumentSplitter.split(new Source("merge-keys.yaml", Files.readString(DIR.resolve("merge-keys.yaml")))).getFirst();
        var result = new ObjectReader().read(doc);
        assertThat(result.problem()).isNull();
        assertThat(asJsonText(result.objects().getFirst().object())).isEqualTo(MAPPER.readTree(DIR.resolve("merge-keys.kubectl.json").toFile()));
    }

    @Test
    void aYamlOneOneBooleanInAStringMapIsABooleanToTheTypedReaderAsToKubectl() throws IOException {
        String text = Files.readString(DIR.resolve("typed-configmap-yes.yaml"));
        assertThat(Files.readString(DIR.resolve("typed-configmap-yes.kubectl.json"))).contains("cannot unmarshal bool into Go struct field ConfigMap.data");
        JsonNode tree = MAPPER.readTree(BlockYaml.tokens(text, TREES, MAPPER).buffer().asParser(MAPPER));
        assertThat(tree.at("/data/enabled").isBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"refused-infinity", "refused-nan"})
    void infiniteAndNanFloatsAreRefusedOnTheirLineAsKubectlRefusesThem(String name) throws IOException {
        assertThat(Files.readString(DIR.resolve(name + ".kubectl.json"))).contains("json: unsupported value");
        var doc = DocumentSplitter.split(new Source(name + ".yaml", Files.readString(DIR.resolve(name + ".yaml")))).getFirst();
        var result = new ObjectReader().read(doc);
        assertThat(result.problem()).isNotNull();
        assertThat(result.problem().location().line()).isEqualTo(6);
        assertThat(result.problem().message()).contains("JSON cannot hold");
    }
}
