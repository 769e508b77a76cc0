package dev.sandtable.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The event-built trees, and the event-written tokens, equal what snakeyaml-engine's Load builds (and Jackson
 * serializes it to), document by document, on every YAML file of the project.
 */
class YamlTreesTest {
    private static final LoadSettings SETTINGS = KubectlSchema.settings(false);
    private static final YamlTrees TREES = new YamlTrees(SETTINGS);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Path> yamlFiles() throws IOException {
        List<Path> roots = List.of(Path.of("../examples"), Path.of("src/test/resources"), Path.of("../shared/bench/k8s-sims-big/nodes-100.yaml"));
        return roots.stream().filter(Files::exists).flatMap(r -> {
            try {
                return Files.walk(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json")).sorted();
    }

    /** The documents of one of the project's files; none when the file is not UTF-8 (a bad-input case). */
    static List<Document> documents(Path file) throws IOException {
        try {
            return DocumentSplitter.split(new Source(file.toString(), Files.readString(file)));
        } catch (MalformedInputException e) {
            return List.of();
        }
    }

    /** What the readers report for an apiVersion or kind: the scalar, or NOT_A_SCALAR for a mapping or list. */
    static Object typeField(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? YamlTrees.NOT_A_SCALAR : value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void everyDocumentParsesToTheSameValuesAsLoad(Path file) throws IOException {
        for (Document d : documents(file)) {
            Object expected;
            try {
                expected = YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(d.text()));
            } catch (YamlEngineException e) {
                assertThatThrownBy(() -> TREES.parse(d.text())).isInstanceOf(RuntimeException.class);
                continue;
            }
            try {
                assertThat(TREES.parse(d.text())).as("%s document %d", file, d.index()).isEqualTo(expected);
            } catch (YamlTrees.Unsupported unusual) {
                // Left to Load, which the loader then uses: nothing to compare.
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void everyMappingDocumentWritesTheTokensJacksonWritesForLoadsValues(Path file) throws IOException {
        for (Document d : documents(file)) {
            Object expected;
            try {
                expected = YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(d.text()));
            } catch (YamlEngineException e) {
                assertThatThrownBy(() -> TREES.tokens(d.text(), MAPPER)).isInstanceOf(RuntimeException.class);
                continue;
            }
            YamlTrees.Tokens tokens;
            try {
                tokens = TREES.tokens(d.text(), MAPPER);
            } catch (YamlTrees.Unsupported unusual) {
                continue;
            }
            if (!(expected instanceof Map<?, ?> map)) {
                assertThat(tokens).as("%s document %d is not a mapping", file, d.index()).isNull();
                continue;
            }
            assertThat((Object) MAPPER.readTree(tokens.buffer().asParser(MAPPER))).as("%s document %d", file, d.index()).isEqualTo(MAPPER.valueToTree(map));
            assertThat(tokens.kind()).isEqualTo(typeField(map.get("kind")));
            assertThat(tokens.apiVersion()).isEqualTo(typeField(map.get("apiVersion")));
            assertThat(tokens.hasItemsList()).isEqualTo(map.get("items") instanceof List<?>);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a: &x 1\nb: *x\n", "a: !!str 1\n", "? [a, b]\n: c\n", "a: 1\na: 2\n", "<<: {a: 1}\n",
            "a:\n  b: 1\n  b: 2\n", "null: 1\n"})
    void unusualYamlIsLeftToLoad(String text) {
        assertThatThrownBy(() -> TREES.tokens(text, MAPPER)).isInstanceOf(YamlTrees.Unsupported.class);
        if (!text.startsWith("null")) {
            assertThatThrownBy(() -> TREES.parse(text)).isInstanceOf(YamlTrees.Unsupported.class);
        }
    }

    @Test
    void keysThatAreNotStringsBecomeTheFieldNamesSigsK8sYamlWritesForThem() throws IOException {
        String text = "1: a\ntrue: b\n2.5: c\n1e3: d\noff: e\nx: [1, 12345678901, 1.5, false, null, '7']\n";
        assertThat((Object) MAPPER.readTree(TREES.tokens(text, MAPPER).buffer().asParser(MAPPER)))
                .isEqualTo(MAPPER.valueToTree(YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(text))));
    }

    @Test
    void plainScalarsStartingOutsideGoYamlsResolvableCharactersAreStrings() {
        var resolver = SETTINGS.getSchema().getScalarResolver();
        String resolvable = "+-0123456789yYnNtTfFoO~.";
        for (char c = 1; c < 0x3000; c++) {
            if (resolvable.indexOf(c) >= 0) {
                continue;
            }
            for (String rest : List.of("", "rue", "es", "ull", "1", ".5", "e3", "inf", "{X}")) {
                assertThat(KubectlScalars.mayResolve(c + rest)).as("%s", c + rest).isFalse();
                assertThat(resolver.resolve(c + rest, true)).as("%s", c + rest).isEqualTo(Tag.STR);
            }
        }
    }

    @Test
    void aDocumentThatIsNotAMappingHasNoTokens() {
        assertThat(TREES.tokens("- a\n- b\n", MAPPER)).isNull();
        assertThat(TREES.tokens("just text\n", MAPPER)).isNull();
        assertThat(TREES.tokens("", MAPPER)).isNull();
    }

    @Test
    void scalarsResolveAsKubectlsYamlOneOneRulesSay() {
        String text = "i: 42\nbig: 12345678901\nf: 1.5\nb: true\nnil: null\ns: '42'\nw: yes\nv: 0.10\nmode: 0644\non: off\n";
        assertThat(TREES.parse(text)).isEqualTo(YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(text)));
        var expected = new LinkedHashMap<String, Object>(Map.of("i", 42, "big", 12345678901L, "f", 1.5, "b", true,
                "s", "42", "w", true, "v", 0.1, "mode", 420, "true", false));
        expected.put("nil", null);
        assertThat(TREES.parse(text)).isEqualTo(expected);
    }
}
