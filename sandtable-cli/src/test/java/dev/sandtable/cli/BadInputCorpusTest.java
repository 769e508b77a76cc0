package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/bad-input): every kind of broken manifest gets one line with
 * file:line (document N), what is wrong and a hint, exit code 2, and no stack trace unless --debug.
 */
class BadInputCorpusTest {
    private static final String CORPUS = "src/test/resources/bad-input/";
    /** error: FILE[:LINE (document N)]: WHAT (hint: HOW); only problems with a whole file or folder have no line. */
    private static final Pattern ERROR_LINE = Pattern.compile("error: \\S.*?(:\\d+ \\(document \\d+\\))?: \\S.* \\(hint: \\S.*\\)");

    static Stream<Arguments> corpus() {
        return Stream.of(
                // Malformed YAML and JSON: the line to fix, and in multi-document files the document number and the line in the file.
                bad("a key indented one space too far is reported on that line", "yaml-bad-indentation.yaml", 19, 1, "bad indentation"),
                bad("a tab used for indentation is reported on its line", "yaml-tab-indentation.yaml", 8, 1, "tab character used for indentation"),
                bad("an unquoted .inf is refused on its line as kubectl refuses it", "yaml-infinity.yaml", 7, 1,
                        "the value .inf is a float JSON cannot hold, so kubectl refuses the document (json: unsupported value) (hint: quote it"),
                bad("an unclosed quote is reported where the quote opens, not at the end of the file", "yaml-unclosed-quote.yaml", 7, 1,
                        "quoted string is never closed"),
                bad("bad indentation in the second document names document 2 and the line in the file", "multi-doc-bad-indentation.yaml", 31, 2,
                        "mapping values are not allowed here"),
                bad("an unclosed bracket in the third document names document 3 and the line the bracket opened", "multi-doc-unclosed-bracket.yaml",
                        36, 3, "in the [ opened on line 35"),
                bad("a JSON file with a missing comma is reported as malformed JSON", "json-syntax-error.json", 18, 1,
                        "malformed JSON: expected ',' or ']', but got {"),
                bad("a key given twice in one mapping is reported on the second one", "duplicate-key.yaml", 23, 1, "found duplicate key resources"),
                bad("an unclosed flow mapping in a NodePool names the line the brace opened", "nodepool-unclosed-flow-mapping.yaml", 8, 1,
                        "in the { opened on line 7"),
                bad("a UTF-16 file as Windows PowerShell writes it is refused as a whole", "powershell-utf16.yaml", 0, 0, "file is UTF-16 text, not UTF-8"),
                bad("a document that is a plain string is not an object", "document-is-string.yaml", 5, 2, "found a string"),
                bad("a document that is a bare list is not an object, and the hint names kind: List", "document-is-list.yaml", 1, 1,
                        "found a list) (hint: separate objects with --- lines, or wrap them in apiVersion: v1, kind: List"),
                // apiVersion and kind: what a Kubernetes 1.31 API server serves.
                bad("extensions/v1beta1 Deployment is refused with apps/v1 as the hint", "extensions-v1beta1-deployment.yaml", 2, 1,
                        "apiVersion extensions/v1beta1 is not served by Kubernetes 1.31 (unknown apiVersion/kind pair extensions/v1beta1 Deployment)"
                                + " (hint: use apiVersion apps/v1 for Deployment)"),
                bad("policy/v1beta1 PodDisruptionBudget is refused with policy/v1 as the hint", "policy-v1beta1-pdb.yaml", 1, 1,
                        "policy/v1beta1 is not served by Kubernetes 1.31 (unknown apiVersion/kind pair policy/v1beta1 PodDisruptionBudget)"
                                + " (hint: use apiVersion policy/v1 for PodDisruptionBudget)"),
                bad("autoscaling/v2beta2 HorizontalPodAutoscaler is refused with the served versions as the hint", "autoscaling-v2beta2-hpa.yaml", 1, 1,
                        "hint: use apiVersion autoscaling/v1 or autoscaling/v2 for HorizontalPodAutoscaler"),
                bad("a misspelt kind is an unknown apiVersion/kind pair", "kind-typo-deploymnet.yaml", 2, 1,
                        "unknown apiVersion/kind pair: apps/v1 has no kind Deploymnet"),
                bad("a Deployment in the core group v1 is refused with apps/v1 as the hint", "core-v1-deployment.yaml", 2, 1,
                        "v1 has no kind Deployment (hint: use apiVersion apps/v1 for Deployment)"),
                bad("a missing apiVersion is reported", "missing-apiversion.yaml", 1, 1, "missing apiVersion"),
                bad("a missing kind is reported", "missing-kind.yaml", 1, 1, "missing kind"),
                // Object validation as the API server does it.
                bad("a missing metadata.name is reported on metadata", "missing-metadata-name.yaml", 3, 1,
                        "metadata.name: Required value: name or generateName is required (hint: every StatefulSet needs a name"),
                bad("cpu 500mm is an invalid quantity", "cpu-500mm.yaml", 21, 1, "invalid quantity \"500mm\": unknown suffix \"mm\""),
                bad("memory 1GB is an invalid quantity while 1G on the line above is accepted", "memory-1GB.yaml", 25, 1,
                        "invalid quantity \"1GB\": unknown suffix \"GB\""),
                bad("cpu 0.5.1 is an invalid quantity", "quantity-0.5.1.yaml", 18, 1, "invalid quantity \"0.5.1\""),
                bad("a memory request above its limit is reported on the request", "request-above-limit.yaml", 22, 1,
                        "spec.template.spec.containers[0].resources.requests[memory]: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi"),
                bad("a selector that misses the template labels is reported on the labels", "selector-mismatch.yaml", 14, 1,
                        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"notification\", \"tier\":\"backend\"}: `selector` does not match template `labels`"),
                bad("a DaemonSet without a selector is reported", "missing-selector.yaml", 6, 1, "spec.selector: Required value"),
                bad("a misspelt container field is an unknown field with the likely one suggested", "container-field-typo.yaml", 21, 1,
                        "unknown field \"spec.template.spec.containers[1].resource\" (did you mean \"resources\"?)"),
                bad("resources indented at pod level are unknown to Kubernetes 1.31", "pod-level-resources-not-served.yaml", 31, 2,
                        "unknown field \"spec.template.spec.resources\""),
                bad("a word where a number belongs is reported with the field", "replicas-not-a-number.yaml", 7, 1,
                        "spec.replicas: expected an integer (int32), got the string \"three\""),
                bad("an invalid item of a kind: List is reported on the item's own field", "list-with-bad-item.yaml", 11, 1, "metadata.name: Invalid value: \"Checkout\": a lowercase RFC 1123 subdomain must consist of"),
                // Refused by a 1.31 API server, accepted before issue 9 (field paths and messages as upstream prints them).
                bad("a Deployment with replicas -1 is refused", "deployment-negative-replicas.yaml", 6, 1,
                        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                bad("a StatefulSet with replicas -3 is refused", "statefulset-negative-replicas.yaml", 7, 1,
                        "spec.replicas: Invalid value: -3: must be greater than or equal to 0"),
                bad("a quoted number for an int32 field is refused, with the unquoted form as the hint", "replicas-quoted-string.yaml", 6, 1,
                        "spec.replicas: expected an integer (int32), got the string \"3\" (the API server refuses a value of the wrong type)"
                                + " (hint: remove the quotes: replicas: 3)"),
                bad("a label value with a non-ASCII character is refused", "label-value-not-ascii.yaml", 7, 1,
                        "metadata.labels: Invalid value: \"café\": a valid label must be an empty string or consist of alphanumeric characters"),
                bad("a label value over 63 characters is refused on its own line", "label-value-too-long.yaml", 7, 1,
                        "metadata.labels: Invalid value: \"the-storefront-of-the-acme-company-with-its-catalogue-and-checkout\":"
                                + " must be no more than 63 characters"),
                bad("a container without an image is refused", "container-without-image.yaml", 16, 1,
                        "spec.template.spec.containers[0].image: Required value"),
                bad("containerPort 70000 is refused", "container-port-70000.yaml", 19, 1,
                        "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"),
                bad("two containers with one name are refused on the second", "duplicate-container-names.yaml", 18, 1,
                        "spec.template.spec.containers[1].name: Duplicate value: \"checkout\""),
                bad("a toleration with operator Exists and a value is refused", "toleration-exists-with-value.yaml", 18, 1,
                        "spec.template.spec.tolerations[0].operator: Invalid value: core.Toleration{Key:\"workload\", Operator:\"Exists\","
                                + " Value:\"frontend\", Effect:\"NoSchedule\", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is 'Exists'"),
                bad("a node-affinity operator Equals is not a valid selector operator", "node-affinity-operator-equals.yaml", 21, 1,
                        "nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"),
                bad("a Service port 0 is refused", "service-port-0.yaml", 10, 1,
                        "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"),
                bad("a number in ConfigMap data is refused, with the quoted form as the hint", "configmap-data-number.yaml", 7, 1,
                        "data.WORKERS: expected a string, got the number 4 (the API server refuses a value of the wrong type) (hint: quote the value: WORKERS: \"4\")"),
                bad("a pod template naming a PriorityClass that does not exist is refused (Priority admission)", "priorityclass-not-found.yaml", 15, 1,
                        "spec.template.spec.priorityClassName: every pod of Deployment checkout would be forbidden: no PriorityClass with name"
                                + " business-critical was found"),
                // Duplicates.
                bad("the same object twice in one file names both places", "duplicate-in-one-file.yaml", 22, 3,
                        "duplicate object Service shop/checkout, first defined at " + CORPUS + "duplicate-in-one-file.yaml:1 (document 1)"),
                Arguments.of("the same object in two files of a folder names both files", "duplicate-across-files",
                        "duplicate-across-files/overlay.yaml:2 (document 1)",
                        "duplicate object Deployment edge/gateway, first defined at " + CORPUS + "duplicate-across-files/base.yaml:1 (document 1)"),
                // NodePools.
                bad("a NodePool with minCount above maxCount is reported on minCount", "nodepool-min-greater-than-max.yaml", 9, 1,
                        "minCount (5) is greater than maxCount (3)"),
                bad("a NodePool with an instance type not in the catalog is reported", "nodepool-unknown-instance-type.yaml", 7, 1,
                        "unknown instance type \"m5.huge\""),
                bad("a misspelt NodePool field is an unknown field with the likely one suggested", "nodepool-unknown-field.yaml", 9, 1,
                        "unknown field \"spec.minCout\" (did you mean \"minCount\"?)"),
                bad("a NodePool with neither instanceType nor capacity is reported", "nodepool-no-shape.yaml", 5, 1, "neither instanceType nor capacity"),
                bad("a NodePool whose instance type belongs to another provider is refused", "nodepool-provider-mismatch.yaml", 7, 1,
                        "instance type Standard_D4s_v5 belongs to provider aks, but spec.provider is eks"),
                bad("a NodePool taint with an invalid effect is reported on the effect", "nodepool-invalid-taint-effect.yaml", 15, 1,
                        "invalid taint effect \"DoNotSchedule\""),
                // Paths that yield no object, which kubectl apply refuses (no objects passed to apply).
                bad("an empty file has no Kubernetes objects", "empty-file.yaml", 0, 0, "no Kubernetes objects: the file is empty or only comments"),
                bad("a file of comments only has no Kubernetes objects", "only-comments.yaml", 0, 0,
                        "no Kubernetes objects: the file is empty or only comments"),
                bad("a folder without manifest files has no Kubernetes objects", "folder-of-readmes", 0, 0,
                        "no Kubernetes objects: the folder holds no .yaml, .yml or .json file"));
    }

    private static Arguments bad(String spec, String file, int line, int document, String what) {
        return Arguments.of(spec, file, line == 0 ? file : file + ":" + line + " (document " + document + ")", what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCaseGetsOneErrorLineWithFileLineDocumentWhatAndHintAndExitCode2(String spec, String path, String location, String what) {
        Cli r = Cli.run("check", CORPUS + path);
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("\tat ");
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as("one line for the one problem of %s", path).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: " + CORPUS + location + ": ").contains(what).matches(ERROR_LINE);
    }

    static Stream<Arguments> quotedInDocs() {
        return Stream.of(
                Arguments.of("cpu-500mm.yaml", "error: " + CORPUS + "cpu-500mm.yaml:21 (document 1): invalid quantity \"500mm\": unknown suffix \"mm\""
                        + " (hint: CPU is written in cores or millicores, e.g. 500m or 0.5)"),
                Arguments.of("multi-doc-unclosed-bracket.yaml", "error: " + CORPUS + "multi-doc-unclosed-bracket.yaml:36 (document 3): malformed YAML:"
                        + " expected ',' or ']', but got <scalar> in the [ opened on line 35 (hint: put a comma between entries and close the [ with ])"),
                Arguments.of("extensions-v1beta1-deployment.yaml", "error: " + CORPUS + "extensions-v1beta1-deployment.yaml:2 (document 1):"
                        + " apiVersion extensions/v1beta1 is not served by Kubernetes 1.31 (unknown apiVersion/kind pair extensions/v1beta1 Deployment)"
                        + " (hint: use apiVersion apps/v1 for Deployment)"),
                Arguments.of("duplicate-across-files", "error: " + CORPUS + "duplicate-across-files/overlay.yaml:2 (document 1): duplicate object"
                        + " Deployment edge/gateway, first defined at " + CORPUS + "duplicate-across-files/base.yaml:1 (document 1)"
                        + " (hint: remove one of them, or give them different names or namespaces)"),
                Arguments.of("nodepool-min-greater-than-max.yaml", "error: " + CORPUS + "nodepool-min-greater-than-max.yaml:9 (document 1):"
                        + " minCount (5) is greater than maxCount (3) (hint: make minCount <= maxCount)"),
                Arguments.of("yaml-infinity.yaml", "error: " + CORPUS + "yaml-infinity.yaml:7 (document 1): malformed YAML: the value .inf is a float"
                        + " JSON cannot hold, so kubectl refuses the document (json: unsupported value) (hint: quote it if it is text; JSON has no"
                        + " infinite or NaN numbers)"),
                Arguments.of("container-field-typo.yaml", "error: " + CORPUS + "container-field-typo.yaml:21 (document 1): unknown field"
                        + " \"spec.template.spec.containers[1].resource\" (did you mean \"resources\"?) (hint: check the spelling and indentation;"
                        + " kubectl explain deployment.spec.template.spec.containers lists the fields)"));
    }

    @ParameterizedTest(name = "{0} gives exactly the line docs/manifests.md quotes")
    @MethodSource("quotedInDocs")
    void theExamplesInTheDocsAreExactlyWhatUsersSee(String path, String line) {
        assertThat(Cli.run("check", CORPUS + path).err().strip()).isEqualTo(line);
    }

    @Test
    void checkingTheWholeCorpusAtOnceReportsEveryCaseOneLineEachWithoutStoppingAtTheFirst() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(Path.of(CORPUS))) {
            cases = s.sorted().toList();
        }
        // Each case is its own path, as a path that yields nothing is a problem only when given by itself.
        List<String> args = new java.util.ArrayList<>(List.of("check"));
        cases.forEach(c -> args.add(CORPUS + c.getFileName()));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).allMatch(l -> ERROR_LINE.matcher(l).matches(), "every line is error: FILE[:LINE (document N)]: WHAT (hint: HOW)");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(24);
        for (Path c : cases) {
            assertThat(lines).as("an error for %s", c).anyMatch(l -> l.startsWith("error: " + CORPUS + c.getFileName()));
        }
    }

    @Test
    void aPathThatDoesNotExistIsReportedAsSuch() {
        Cli r = Cli.run("check", CORPUS + "no-such-file.yaml");
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + CORPUS + "no-such-file.yaml: no such file or folder"
                + " (hint: check the path; give files, folders, or - for stdin)");
    }

    @Test
    void anUnreadableFileIsReportedWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path file = Files.copy(Path.of(CORPUS, "cpu-500mm.yaml"), dir.resolve("locked.yaml"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root, which reads files whatever their permissions");
        Cli r = Cli.run("check", file.toString());
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + file + ": cannot read file: permission denied"
                + " (hint: check its permissions (ls -l); sandtable needs read access)");
    }

    @Test
    void aDocumentNestedThousandsOfLevelsDeepIsBadInputNotACrash(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("deep.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nextra: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        Cli r = Cli.run("check", file.toString());
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + file + ":1 (document 1): malformed YAML: nested too deeply to read"
                + " (hint: check the indentation: a Kubernetes object is a few dozen levels deep at most)");
    }

    @Test
    void aBrokenSecondDocumentOnStdinIsReportedUnderStdinWithItsLine() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("""
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: flags
                      namespace: shop
                    data:
                      mode: "fast
                    """.getBytes(StandardCharsets.UTF_8)));
            Cli r = Cli.run("check", "-f", "-");
            assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err().strip()).startsWith("error: <stdin>:12 (document 2): malformed YAML: quoted string is never closed");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void debugAddsTheStackTraceAfterTheErrorLine() {
        Cli r = Cli.run("check", "--debug", CORPUS + "cpu-500mm.yaml");
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + CORPUS + "cpu-500mm.yaml:21 (document 1): invalid quantity \"500mm\"")
                .contains("BadInputException").contains("\tat ");
    }
}
