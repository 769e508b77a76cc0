package dev.sandtable.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
    private final SimClock clock = new SimClock();
    private final ObjectStore store = new ObjectStore(clock, new SeededRandom(1));

    private static ConfigMap cm(String name, String... labels) {
        ConfigMapBuilder b = new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata();
        for (int i = 0; i < labels.length; i += 2) {
            b.editMetadata().addToLabels(labels[i], labels[i + 1]).endMetadata();
        }
        return b.build();
    }

    @Test
    void createSetsUidResourceVersionGenerationAndSimulatedCreationTime() {
        clock.runUntil(Duration.ofMinutes(3).toMillis());
        ConfigMap c = store.create(cm("a"));
        assertThat(c.getMetadata().getUid()).isNotBlank();
        assertThat(c.getMetadata().getResourceVersion()).isEqualTo("1");
        assertThat(c.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(c.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(c.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:03:00Z");
    }

    @Test
    void updateBumpsGenerationButStatusUpdateDoesNot() {
        ConfigMap c = store.create(cm("a"));
        store.update(c);
        assertThat(c.getMetadata().getGeneration()).isEqualTo(2L);
        store.updateStatus(c);
        assertThat(c.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(c.getMetadata().getResourceVersion()).isEqualTo("3");
    }

    @Test
    void creatingTheSameNameTwiceIsAConflict() {
        store.create(cm("a"));
        assertThatThrownBy(() -> store.create(cm("a"))).isInstanceOf(ObjectStore.AlreadyExistsException.class)
                .hasMessageContaining("default/a");
    }

    @Test
    void generateNameGetsAFiveCharacterSuffix() {
        ConfigMap c = new ConfigMapBuilder().withNewMetadata().withGenerateName("web-").endMetadata().build();
        assertThat(store.create(c).getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }

    private static ConfigMap generated(String generateName) {
        return new ConfigMapBuilder().withNewMetadata().withGenerateName(generateName).endMetadata().build();
    }

    @Test
    void aGeneratedNameThatIsTakenIsDrawnAgain() {
        SeededRandom predictor = new SeededRandom(1);
        predictor.uuid(); // the uid of the object created first
        String first = "web-" + predictor.nameSuffix(5);
        String second = "web-" + predictor.nameSuffix(5);
        store.create(cm(first));
        assertThat(store.create(generated("web-")).getMetadata().getName()).isEqualTo(second);
    }

    @Test
    void afterEightTakenNamesTheCreateIsAConflictAndTheNextCreateDrawsAFreshName() {
        SeededRandom predictor = new SeededRandom(1);
        int attempts = ObjectStore.MAX_NAME_GENERATION_CREATE_ATTEMPTS;
        for (int i = 0; i < attempts; i++) {
            predictor.uuid();
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            taken.add("web-" + predictor.nameSuffix(5));
        }
        taken.forEach(n -> store.create(cm(n)));
        ConfigMap unlucky = generated("web-");
        assertThatThrownBy(() -> store.create(unlucky)).isInstanceOf(ObjectStore.AlreadyExistsException.class);
        assertThat(unlucky.getMetadata().getName()).isNull();
        assertThat(store.create(unlucky).getMetadata().getName()).isNotIn(taken).startsWith("web-");
    }

    @Test
    void thirtyThousandObjectsFromOneGenerateNameAllGetDistinctNames() {
        int count = 30_000; // about 30 first draws collide among 27^5 names
        for (int i = 0; i < count; i++) {
            store.create(generated("web-"));
        }
        assertThat(store.list(ConfigMap.class)).extracting(c -> c.getMetadata().getName()).doesNotHaveDuplicates().hasSize(count);
    }

    @Test
    void deletingAnOwnerDeletesItsDependentsTransitively() {
        ConfigMap owner = store.create(cm("owner"));
        ConfigMap child = cm("child");
        child.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withUid(owner.getMetadata().getUid())
                .withKind("ConfigMap").withName("owner").withController(true).build()));
        store.create(child);
        ConfigMap grandchild = cm("grandchild");
        grandchild.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withUid(child.getMetadata().getUid())
                .withKind("ConfigMap").withName("child").withController(true).build()));
        store.create(grandchild);
        store.create(cm("unrelated"));

        store.delete(owner);

        assertThat(store.list(ConfigMap.class)).extracting(c -> c.getMetadata().getName()).containsExactly("unrelated");
    }

    @Test
    void selectMatchesLabelsWithinTheNamespace() {
        store.create(cm("a", "app", "web"));
        store.create(cm("b", "app", "db"));
        var selector = new LabelSelectorBuilder().addToMatchLabels("app", "web").build();
        assertThat(store.select(ConfigMap.class, "default", selector)).extracting(c -> c.getMetadata().getName()).containsExactly("a");
        assertThat(store.select(ConfigMap.class, "other", selector)).isEmpty();
    }

    @Test
    void customResourcesOfDifferentKindsMayShareANamespaceAndName() {
        var repo = new GenericKubernetesResourceBuilder().withApiVersion("source.toolkit.fluxcd.io/v1")
                .withKind("GitRepository").withNewMetadata().withName("flux-system").withNamespace("flux-system").endMetadata().build();
        var sync = new GenericKubernetesResourceBuilder().withApiVersion("kustomize.toolkit.fluxcd.io/v1")
                .withKind("Kustomization").withNewMetadata().withName("flux-system").withNamespace("flux-system").endMetadata().build();
        store.create(repo);
        store.create(sync);
        assertThat(store.list(GenericKubernetesResource.class)).extracting(HasMetadataKind::of)
                .containsExactly("GitRepository", "Kustomization");
        assertThat(store.find(sync)).containsSame(sync);
    }

    private interface HasMetadataKind {
        static String of(HasMetadata o) {
            return o.getKind();
        }
    }

    @Test
    void watchersSeeAddModifyDeleteInOrder() {
        List<String> events = new ArrayList<>();
        store.watch(ConfigMap.class, e -> events.add(e.type() + " " + e.object().getMetadata().getName()));
        ConfigMap c = store.create(cm("a"));
        store.update(c);
        store.delete(c);
        assertThat(events).containsExactly("ADDED a", "MODIFIED a", "DELETED a");
    }
}
