package dev.sandtable.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The block-style reader accepts a document only when it reads it exactly as snakeyaml-engine's Load does with the
 * same (kubectl's YAML 1.1) scalar resolution: same values, same scalar types, same fields that pick the object's type. Checked on every YAML file of the project and
 * on seeded random documents full of the cases where YAML is subtle.
 */
class BlockYamlTest {
    private static final LoadSettings SETTINGS = KubectlSchema.settings(false);
    private static final YamlTrees TREES = new YamlTrees(SETTINGS);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What happened to one document: read by the block reader, or left to snakeyaml-engine. */
    private enum Outcome { READ, LEFT }

    private static Outcome compare(String text, String what) {
        YamlTrees.Tokens fast;
        try {
            fast = BlockYaml.tokens(text, TREES, MAPPER);
        } catch (YamlTrees.Unsupported left) {
            return Outcome.LEFT;
        }
        Object expected;
        try {
            expected = YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(text));
        } catch (YamlEngineException e) {
            throw new AssertionError(what + ": the block reader accepted a document snakeyaml-engine rejects (" + e.getMessage()
                    + "):\n" + text);
        }
        assertThat(expected).as("%s is a mapping", what).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) expected;
        try {
            assertThat((Object) MAPPER.readTree(fast.buffer().asParser(MAPPER))).as("%s:\n%s", what, text).isEqualTo(MAPPER.valueToTree(map));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(fast.kind()).as("%s kind", what).isEqualTo(YamlTreesTest.typeField(map.get("kind")));
        assertThat(fast.apiVersion()).as("%s apiVersion", what).isEqualTo(YamlTreesTest.typeField(map.get("apiVersion")));
        assertThat(fast.hasItemsList()).as("%s items", what).isEqualTo(map.get("items") instanceof List<?>);
        return Outcome.READ;
    }

    static Stream<Path> yamlFiles() throws IOException {
        return YamlTreesTest.yamlFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void everyDocumentItReadsItReadsAsSnakeyamlDoes(Path file) throws IOException {
        for (Document d : YamlTreesTest.documents(file)) {
            compare(d.text(), file + " document " + d.index());
        }
    }

    @Test
    void kubectlStyleNodesAndPodsAreAllReadByTheBlockReader() throws IOException {
        for (String name : List.of("nodes-100.yaml", "pods-100.yaml")) {
            Path file = Path.of("../shared/bench/k8s-sims-big", name);
            String text = Files.exists(file) ? Files.readString(file) : TrainSample.TEXT;
            for (Document d : DocumentSplitter.split(new Source(name, text))) {
                assertThat(compare(d.text(), name + " document " + d.index())).isEqualTo(Outcome.READ);
            }
        }
    }

    /** The shape `kubectl get -o yaml` prints, for machines without the shared bench files. */
    private static final class TrainSample {
        static final String TEXT = """
                apiVersion: v1
                kind: Pod
                metadata:
                  annotations:
                    example.com/gpu-count: '1'
                  name: openb-pod-0000
                  namespace: paib-gpu
                spec:
                  containers:
                  - image: tensorflow:latest
                    name: main
                    resources:
                      requests:
                        cpu: 12000m
                        memory: 16384Mi
                  restartPolicy: OnFailure
                """;
    }

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {
            "a: [1, 2]\n", "a: {b: 1}\n", "a: |\n  text\n", "a: >\n  text\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
            "a: \"esc\\n\"\n", "a: multi\n  line\n", "a: 'open\n  quote'\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "? a\n: b\n",
            "a: 1\na: 2\n", "a:\n    b: 1\n  c: 2\n", "- a\n- b\n", "just text\n", "a: b: c\n", "a: - b\n", "a: @x\n",
            "a: 'x'y\n", "<<: {a: 1}\n", "%YAML 1.2\n---\na: 1\n", "a :1\n", "a : 1\n", "key: x\n  - y\n", "- - a\n",
            "a:\n- b\n - c\n", "\uFEFFa: 1\n", ""})
    void leavesEverythingOutsidePlainBlockStyleToSnakeyaml(String text) {
        assertThatThrownBy(() -> BlockYaml.tokens(text, TREES, MAPPER)).isInstanceOf(YamlTrees.Unsupported.class);
    }

    @Test
    void leavesWhatSnakeyamlRefusesForItsLimitsToSnakeyaml() {
        String longKey = "k".repeat(1025);
        for (String text : List.of(longKey + ": 1\n", "'" + "k".repeat(1023) + "': 1\n", "x:\n-   " + longKey + ": 1\n",
                "a: 1\n" + longKey + ": 1\n", "a: " + "v".repeat(3_145_726) + "\n")) {
            assertThatThrownBy(() -> new Load(SETTINGS).loadFromString(text)).isInstanceOf(YamlEngineException.class);
            assertThatThrownBy(() -> BlockYaml.tokens(text, TREES, MAPPER)).isInstanceOf(YamlTrees.Unsupported.class);
        }
        assertThat(compare("k".repeat(1024) + ": 1\n", "a 1,024-character key")).isEqualTo(Outcome.READ);
        // Far deeper than any manifest, where snakeyaml-engine's recursive composer eventually runs out of stack.
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            deep.append(" ".repeat(i)).append("a:\n");
        }
        assertThatThrownBy(() -> BlockYaml.tokens(deep.toString(), TREES, MAPPER)).isInstanceOf(YamlTrees.Unsupported.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void generatedDocumentsAreReadAsSnakeyamlReadsThemOrLeftToIt(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int read = 0;
        int total = 300;
        for (int i = 0; i < total; i++) {
            String text = new Generator(random).document();
            if (compare(text, "seed " + seed + " document " + i) == Outcome.READ) {
                read++;
            }
        }
        assertThat(read).as("documents the block reader took").isGreaterThan(total / 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void documentsWithStrayCharactersAreReadAsSnakeyamlReadsThemOrLeftToIt(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String significant = " :#-'\"?\nx";
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(new Generator(random).document());
            for (int edits = 1 + random.nextInt(4); edits > 0 && !text.isEmpty(); edits--) {
                int at = random.nextInt(text.length());
                char c = significant.charAt(random.nextInt(significant.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, c);
                }
            }
            compare(text.toString(), "seed " + seed + " mutated document " + i);
        }
    }

    /** Random block-style YAML: nested mappings and sequences in every indentation style, tricky scalars, comments. */
    private static final class Generator {
        private static final List<String> SCALARS = List.of("web", "true", "false", "null", "", "1", "-1", "012", "1.5", "1e3", ".5",
                "-.inf", ".nan", "0x1F", "yes", "~", "a b", "a  b", "a:b", "a#b", "http://x:80/y", "a: b", "#x", "x #y", "- x", "-x", "-",
                "'q'", "x'y", "\"dq\"", "x\"y", " lead", "trail ", "@x", "`x", "%x", "[x]", "{x}", "*x", "&x", "!x", "|", ">", "?x", "? x",
                ":x", "é", "日本", "12000m", "16384Mi", "v1", "Pod", "apps/v1", "tensorflow:latest", "a\\b", "1_000", "+1", "0.10",
                "on", "Off", "y", "N", "0644", "0o17", "0b101", "-0b11", "0x_1F", "09", "99999999999999999999", "1.", "2024-01-02",
                "1:30", "0xFFFFFFFFFFFFFFFFFF", "-0", "1e400", ".inf", "0.30000001", "18446744073709551615");
        private static final List<String> KEYS = List.of("a", "b", "name", "kind", "apiVersion", "items", "1", "true", "null", "a b",
                "a:b", "x#y", "-k", "k-", "é", "app.kubernetes.io/name", "<<", "a", "?k", "~",
                "on", "yes", "0644", "1.5", "1e3", "0.30000001", "1e-5");

        private final SplittableRandom random;
        private final StringBuilder sb = new StringBuilder();
        private final int step;

        Generator(SplittableRandom random) {
            this.random = random;
            this.step = 1 + random.nextInt(4);
        }

        String document() {
            mapping(0, 0, 1 + random.nextInt(5));
            return sb.toString();
        }

        private void mapping(int indent, int depth, int entries) {
            Map<String, Boolean> used = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                if (used.put(key, true) != null && random.nextInt(10) != 0) {
                    continue;
                }
                maybeCommentLine(indent);
                if (i > 0 || !compactFirst) {
                    sb.append(" ".repeat(indent));
                }
                compactFirst = false;
                sb.append(render(key)).append(':');
                value(indent, depth);
            }
        }

        private boolean compactFirst;

        private void value(int indent, int depth) {
            int kind = depth >= 3 ? 0 : random.nextInt(4);
            if (kind <= 1) {
                sb.append(' ').append(render(SCALARS.get(random.nextInt(SCALARS.size()))));
                maybeComment();
                sb.append('\n');
            } else if (kind == 2) {
                maybeComment();
                sb.append('\n');
                mapping(indent + step, depth + 1, 1 + random.nextInt(3));
            } else {
                maybeComment();
                sb.append('\n');
                sequence(random.nextBoolean() ? indent : indent + step, depth + 1, 1 + random.nextInt(3));
            }
        }

        private void sequence(int indent, int depth, int items) {
            for (int i = 0; i < items; i++) {
                maybeCommentLine(indent);
                sb.append(" ".repeat(indent)).append('-');
                int kind = depth >= 3 ? 0 : random.nextInt(3);
                if (kind == 0) {
                    sb.append(' ').append(render(SCALARS.get(random.nextInt(SCALARS.size()))));
                    maybeComment();
                    sb.append('\n');
                } else if (kind == 1) {
                    int gap = 1 + random.nextInt(2);
                    sb.append(" ".repeat(gap));
                    compactFirst = true;
                    mapping(indent + 1 + gap, depth + 1, 1 + random.nextInt(3));
                } else {
                    sb.append('\n');
                    mapping(indent + step, depth + 1, 1 + random.nextInt(3));
                }
            }
        }

        private String render(String s) {
            return switch (random.nextInt(4)) {
                case 0 -> "'" + s.replace("'", "''") + "'";
                case 1 -> "\"" + s + "\"";
                default -> s;
            };
        }

        private void maybeComment() {
            if (random.nextInt(6) == 0) {
                sb.append(random.nextBoolean() ? " # note" : "  #note: x");
            }
        }

        private void maybeCommentLine(int indent) {
            if (random.nextInt(8) == 0) {
                sb.append(" ".repeat(random.nextInt(indent + 2))).append("# line comment\n");
            } else if (random.nextInt(12) == 0) {
                sb.append('\n');
            }
        }
    }

    @Test
    void theGeneratorMakesDocumentsBothReadersAgreeOnAndDocumentsOnlySnakeyamlTakes() {
        SplittableRandom random = new SplittableRandom(42);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(compare(new Generator(random).document(), "document " + i));
        }
        assertThat(outcomes).contains(Outcome.READ, Outcome.LEFT);
    }
}
