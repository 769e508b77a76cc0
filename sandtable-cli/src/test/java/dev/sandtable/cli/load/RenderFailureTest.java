package dev.sandtable.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Outputs below are what kubectl v1.31 kustomize printed for each broken kustomization. */
class RenderFailureTest {
    @Test
    void aMissingResourceIsTheMissingFileAndWhy() {
        String stderr = "E1204 17:28:55.901796   13727 run.go:72] \"command failed\" err=\"accumulating resources: accumulation err='accumulating"
                + " resources from 'missing.yaml': evalsymlink failure on '/tmp/k/missing.yaml' : lstat /tmp/k/missing.yaml: no such file or"
                + " directory': must build at directory: not a valid directory: evalsymlink failure on '/tmp/k/missing.yaml' : lstat"
                + " /tmp/k/missing.yaml: no such file or directory\"\n";
        assertThat(RenderFailure.oneLine(stderr)).isEqualTo("/tmp/k/missing.yaml: no such file or directory");
    }

    @Test
    void malformedYamlNamesTheFileAndTheParsersLine() {
        String stderr = "E1204 17:28:56.344022   13782 run.go:72] \"command failed\" err=\"accumulating resources: accumulating resources"
                + " from 'dep.yaml': MalformedYAMLError: yaml: line 4: did not find expected node content in File: dep.yaml\"\n";
        assertThat(RenderFailure.oneLine(stderr)).isEqualTo("dep.yaml: yaml: line 4: did not find expected node content");
    }

    @Test
    void aMultiLineErrorBlockBecomesOneLine() {
        String stderr = """
                E1204 17:29:18.338168   14005 run.go:72] "command failed" err=<
                \ttrouble configuring builtin PatchTransformer with config: `
                \tpath: nope.yaml
                \t`: failed to get the patch file from path(nope.yaml): evalsymlink failure on '/tmp/k/nope.yaml' : lstat /tmp/k/nope.yaml: no such file or directory
                 >
                """;
        assertThat(RenderFailure.oneLine(stderr)).isEqualTo("/tmp/k/nope.yaml: no such file or directory");
    }

    @Test
    void anyOtherErrorLosesOnlyTheKlogHeaderAndQuoting() {
        String stderr = "E1204 17:29:18.861915   14011 run.go:72] \"command failed\" err=\"invalid Kustomization: json: unknown field \\\"resourcez\\\"\"\n";
        assertThat(RenderFailure.oneLine(stderr)).isEqualTo("invalid Kustomization: json: unknown field \"resourcez\"");
    }

    @Test
    void helmsErrorPrefixGoes() {
        assertThat(RenderFailure.oneLine("Error: Chart.yaml file is missing\n")).isEqualTo("Chart.yaml file is missing");
    }
}
