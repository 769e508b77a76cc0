package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings of sandtable check: open workloads in namespaces that have policies, and policies that select nothing. */
class PolicyCoverageTest {

    private static Deployment deployment(String ns, String name, String app) {
        return Yaml.read(Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: c, image: i}]}
                """.formatted(name, ns, app, app));
    }

    @Test
    void aWorkloadNoPolicySelectsInANamespaceWithPoliciesIsReported() {
        List<HasMetadata> objects = List.of(deployment("shop", "web", "web"), deployment("shop", "api", "api"), deployment("other", "x", "x"),
                PolicyEngineTest.policy("metadata: {name: web, namespace: shop}\nspec: {podSelector: {matchLabels: {app: web}}}\n"));
        assertThat(PolicyCoverage.ofManifests(objects)).extracting(Object::toString)
                .containsExactly("Deployment shop/api: selected by none of the 1 NetworkPolicies in namespace shop, so its pods accept and open every "
                        + "connection (hint: add it to a policy, or add a default-deny policy with podSelector: {})");
    }

    @Test
    void aPolicyThatSelectsNoPodIsReported() {
        List<HasMetadata> objects = List.of(deployment("shop", "web", "web"),
                PolicyEngineTest.policy("metadata: {name: all, namespace: shop}\nspec: {podSelector: {}}\n"),
                PolicyEngineTest.policy("metadata: {name: typo, namespace: shop}\nspec: {podSelector: {matchLabels: {app: wbe}}}\n"));
        assertThat(PolicyCoverage.ofManifests(objects)).extracting(PolicyCoverage.Warning::name).containsExactly("typo");
    }

    @Test
    void problemsInAPolicyAreReported() {
        List<HasMetadata> objects = List.of(deployment("shop", "web", "web"), PolicyEngineTest.policy("""
                metadata: {name: bad, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0}}]}]
                """));
        assertThat(PolicyCoverage.ofManifests(objects)).extracting(Object::toString)
                .containsExactly("NetworkPolicy shop/bad: spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR 10.0.0.0; this peer matches nothing");
    }
}
