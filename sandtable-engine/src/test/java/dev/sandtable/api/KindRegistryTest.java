package dev.sandtable.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KindRegistryTest {
    @Test
    void sandtableKindsListedBesideTheModelsResolveLikeBuiltInKinds() {
        assertThat(KindRegistry.get().resolve("sandtable.dev/v1alpha1", "NodePool"))
                .hasValueSatisfying(c -> assertThat(c.getName()).isEqualTo("dev.sandtable.cluster.NodePool"));
        assertThat(KindRegistry.get().servedApiVersionsOf("NodePool")).containsExactly("sandtable.dev/v1alpha1");
    }

    @Test
    void apiPackageNamesNoComponentThatBuildsOnIt() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/sandtable/api"))) {
            List<String> upward = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).filter(l -> l.matches(".*\\bdev\\.sandtable\\.(?!api\\b|sim\\.).*")).map(l -> f.getFileName() + ": " + l))
                    .toList();
            assertThat(upward).isEmpty();
        }
    }

    private static Stream<String> lines(Path f) {
        try {
            return Files.readAllLines(f).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
