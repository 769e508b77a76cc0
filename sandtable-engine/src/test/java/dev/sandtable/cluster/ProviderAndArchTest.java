package dev.sandtable.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderAndArchTest {
    @ParameterizedTest(name = "provider \"{0}\" reads as {1}")
    @CsvSource({"aks, AKS", "EKS, EKS", "' Gke ', GKE", "none, NONE"})
    void providerParsesIgnoringCase(String text, Provider expected) {
        assertThat(Provider.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownProviderListsTheValidValues() {
        assertThatThrownBy(() -> Provider.parse("azure"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown provider 'azure'; valid values: AKS, EKS, GKE, NONE");
        assertThatThrownBy(() -> Provider.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void archLabelsAreTheKubernetesArchValues() {
        assertThat(Arch.AMD64.label()).isEqualTo("amd64");
        assertThat(Arch.ARM64.label()).isEqualTo("arm64");
    }

    @ParameterizedTest(name = "arch \"{0}\" reads as {1}")
    @CsvSource({"amd64, AMD64", "ARM64, ARM64", "' arm64 ', ARM64"})
    void archParsesIgnoringCase(String text, Arch expected) {
        assertThat(Arch.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownArchListsTheValidValues() {
        assertThatThrownBy(() -> Arch.parse("x86_64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown architecture 'x86_64'; valid values: amd64, arm64");
    }
}
