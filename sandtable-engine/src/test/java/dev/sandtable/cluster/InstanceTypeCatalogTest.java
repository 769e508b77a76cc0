package dev.sandtable.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceTypeCatalogTest {
    private static final long GIB = 1L << 30;
    private static final InstanceTypeCatalog CATALOG = InstanceTypeCatalog.bundled();

    @Test
    void b2psV2IsTheTwoCoreEightGibArmNodeTheSeedDocumentsUse() {
        InstanceType t = CATALOG.find("Standard_B2ps_v2").orElseThrow();

        assertThat(t.provider()).isEqualTo(Provider.AKS);
        assertThat(t.vcpu()).isEqualTo(2);
        assertThat(t.memoryBytes()).isEqualTo(8 * GIB);
        assertThat(t.arch()).isEqualTo(Arch.ARM64);
        assertThat(t.maxPods()).isEqualTo(250);
        assertThat(t.capacity()).isEqualTo(new NodeResources(2000, 8 * GIB, 250));
    }

    @ParameterizedTest(name = "catalog has {0}")
    @ValueSource(strings = {
            "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8s_v5", "Standard_D16s_v5", "Standard_D2ps_v5",
            "Standard_D4ps_v5", "Standard_F2s_v2", "Standard_F4s_v2", "Standard_F8s_v2", "Standard_E2s_v5",
            "Standard_E4s_v5", "Standard_E8s_v5", "Standard_B2s", "Standard_B2ms", "Standard_B4ms", "Standard_B2ps_v2",
            "Standard_B4ps_v2",
            "t3.medium", "t3.large", "t4g.medium", "m5.large", "m5.xlarge", "m5.2xlarge", "m6i.large", "m6i.xlarge",
            "m6g.large", "m6g.xlarge", "m7g.large", "c5.large", "c5.xlarge", "c6i.large", "c6g.large", "r5.large",
            "r5.xlarge", "r6g.large",
            "e2-standard-2", "e2-standard-4", "e2-standard-8", "e2-medium", "n2-standard-2", "n2-standard-4",
            "n2-standard-8", "n2d-standard-2", "t2a-standard-2", "t2a-standard-4", "c2-standard-4", "n2-highmem-2",
            "n2-highmem-4", "n2-highcpu-4"})
    void coversTheCommonTypesOfEachProvider(String name) {
        assertThat(CATALOG.find(name)).as(name).isPresent();
    }

    // EKS defaults from amazon-eks-ami eni-max-pods.txt:
    // https://github.com/awslabs/amazon-eks-ami/blob/2bed73dc4fafb502298fa67534dc53a030e56b21/templates/shared/runtime/eni-max-pods.txt
    @ParameterizedTest(name = "{0} is {1} vCPU, {2} GiB, {3}, max {4} pods")
    @CsvSource({
            "m5.large, 2, 8, arm64=false, 29", "m5.xlarge, 4, 16, arm64=false, 58", "t3.medium, 2, 4, arm64=false, 17",
            "t3.large, 2, 8, arm64=false, 35", "c5.xlarge, 4, 8, arm64=false, 58", "r6g.large, 2, 16, arm64=true, 29",
            "m7g.large, 2, 8, arm64=true, 29", "Standard_D2ps_v5, 2, 8, arm64=true, 250",
            "Standard_E8s_v5, 8, 64, arm64=false, 250", "t2a-standard-4, 4, 16, arm64=true, 110",
            "n2-highcpu-4, 4, 4, arm64=false, 110", "e2-medium, 2, 4, arm64=false, 110"})
    void knownShapes(String name, int vcpu, long memoryGib, String arm, int maxPods) {
        InstanceType t = CATALOG.find(name).orElseThrow();

        assertThat(t.vcpu()).isEqualTo(vcpu);
        assertThat(t.memoryBytes()).isEqualTo(memoryGib * GIB);
        assertThat(t.arch()).isEqualTo(arm.endsWith("true") ? Arch.ARM64 : Arch.AMD64);
        assertThat(t.maxPods()).isEqualTo(maxPods);
    }

    @Test
    void everyDataRowOfTheBundledFileParses() throws IOException {
        List<String> rows = bundledLines().stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.equals(InstanceTypeCatalog.HEADER))
                .toList();

        assertThat(rows).hasSize(CATALOG.all().size());
        for (String row : rows) {
            assertThat(InstanceTypeCatalog.parseRow(row).name()).isEqualTo(row.substring(0, row.indexOf(',')));
        }
    }

    @Test
    void fileStartsWithACommentNamingRegionsAndPriceDrift() throws IOException {
        String header = bundledLines().stream().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n"));

        assertThat(header).contains("eastus", "us-east-1", "us-central1", "list prices", "drift");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        Map<String, Long> counts = CATALOG.all().stream()
                .collect(Collectors.groupingBy(t -> t.name().toLowerCase(Locale.ROOT), Collectors.counting()));

        assertThat(counts).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }

    @Test
    void everyRowHasAPriceAndSaysWhereItCameFrom() {
        Map<Provider, String> region = Map.of(Provider.AKS, "eastus", Provider.EKS, "us-east-1",
                Provider.GKE, "us-central1");

        for (InstanceType t : CATALOG.all()) {
            assertThat(t.pricePerHour()).as(t.name()).isPositive();
            assertThat(t.priceSource()).as(t.name()).contains(region.get(t.provider()));
        }
    }

    @Test
    void findIsExactFirstThenIgnoresCase() {
        assertThat(CATALOG.find("standard_b2ps_v2")).map(InstanceType::name).contains("Standard_B2ps_v2");
        assertThat(CATALOG.find("M5.LARGE")).map(InstanceType::name).contains("m5.large");
        assertThat(CATALOG.find("m5.large")).map(InstanceType::name).contains("m5.large");
        assertThat(CATALOG.find("m5.huge")).isEmpty();
        assertThat(CATALOG.find(null)).isEmpty();
    }

    @Test
    void bundledIsLoadedOnceAndCannotBeChanged() {
        assertThat(InstanceTypeCatalog.bundled()).isSameAs(CATALOG);
        assertThatThrownBy(() -> CATALOG.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parseRejectsBadRowsWithTheirLineNumber() {
        String csv = "# comment\n" + InstanceTypeCatalog.HEADER + "\n"
                + "ok.large,EKS,2,8,amd64,0.1,src,29\n"
                + "bad.large,OCI,2,8,amd64,0.1,src,29\n";

        assertThatThrownBy(() -> InstanceTypeCatalog.parse(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv line 4")
                .hasMessageContaining("unknown provider 'OCI'");
    }

    @Test
    void parseRejectsDuplicatesMissingHeaderAndShortRows() {
        String header = InstanceTypeCatalog.HEADER + "\n";

        assertThatThrownBy(() -> InstanceTypeCatalog.parse(new StringReader(
                header + "a.large,EKS,2,8,amd64,0.1,s,29\nA.LARGE,EKS,2,8,amd64,0.1,s,29\n"), "dup.csv"))
                .hasMessageContaining("duplicate instance type A.LARGE");
        assertThatThrownBy(() -> InstanceTypeCatalog.parse(new StringReader("a.large,EKS,2,8,amd64,0.1,s,29\n"), "h.csv"))
                .hasMessageContaining("expected header");
        assertThatThrownBy(() -> InstanceTypeCatalog.parse(new StringReader(header + "a.large,EKS,2,8\n"), "s.csv"))
                .hasMessageContaining("s.csv line 2: expected 8 fields but found 4");
        assertThatThrownBy(() -> InstanceTypeCatalog.parseRow("a.large,EKS,2,8.0000000001,amd64,0.1,s,29"))
                .hasMessageContaining("memoryGiB");
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        InstanceType t = InstanceTypeCatalog.parseRow("x.large,GKE,2,7.5,arm64,0.05,\"a, \"\"b\"\", c\",110");

        assertThat(t.priceSource()).isEqualTo("a, \"b\", c");
        assertThat(t.memoryBytes()).isEqualTo(7680L << 20);
    }

    private static List<String> bundledLines() throws IOException {
        try (InputStream in = InstanceTypeCatalog.class.getResourceAsStream(InstanceTypeCatalog.RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
