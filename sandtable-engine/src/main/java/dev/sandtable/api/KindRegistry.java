package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps apiVersion and kind to a fabric8 model class, and knows which built-in API groups and
 * versions a Kubernetes 1.31 API server serves, so removed or misspelt APIs are refused as kubectl would.
 */
public final class KindRegistry {
    public static final String KUBERNETES_VERSION = "1.31";

    /** Built-in groups and the versions kube-apiserver 1.31 serves by default ("" is the core group). */
    private static final Map<String, Set<String>> SERVED = Map.ofEntries(
            Map.entry("", Set.of("v1")),
            Map.entry("apps", Set.of("v1")),
            Map.entry("batch", Set.of("v1")),
            Map.entry("autoscaling", Set.of("v1", "v2")),
            Map.entry("policy", Set.of("v1")),
            Map.entry("networking.k8s.io", Set.of("v1")),
            Map.entry("rbac.authorization.k8s.io", Set.of("v1")),
            Map.entry("storage.k8s.io", Set.of("v1")),
            Map.entry("scheduling.k8s.io", Set.of("v1")),
            Map.entry("node.k8s.io", Set.of("v1")),
            Map.entry("apiextensions.k8s.io", Set.of("v1")),
            Map.entry("admissionregistration.k8s.io", Set.of("v1")),
            Map.entry("certificates.k8s.io", Set.of("v1")),
            Map.entry("coordination.k8s.io", Set.of("v1")),
            Map.entry("discovery.k8s.io", Set.of("v1")),
            Map.entry("events.k8s.io", Set.of("v1")),
            Map.entry("flowcontrol.apiserver.k8s.io", Set.of("v1", "v1beta3")),
            Map.entry("apiregistration.k8s.io", Set.of("v1")),
            Map.entry("authentication.k8s.io", Set.of("v1")),
            Map.entry("authorization.k8s.io", Set.of("v1")),
            Map.entry("metrics.k8s.io", Set.of("v1beta1")),
            Map.entry("extensions", Set.of()),
            Map.entry("resource.k8s.io", Set.of()));

    /** Sandtable's own kinds (NodePool), listed as fabric8 lists its models, so this package names no component's class. */
    static final String SANDTABLE_KINDS = "META-INF/sandtable/kinds";

    private static final KindRegistry INSTANCE = new KindRegistry();

    private final Map<String, List<String>> classNamesByKind = new HashMap<>();
    private final Map<String, Optional<Class<? extends HasMetadata>>> resolved = new HashMap<>();

    private KindRegistry() {
        try {
            readClassLists("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource");
            readClassLists(SANDTABLE_KINDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readClassLists(String resource) throws IOException {
        Enumeration<URL> lists = KindRegistry.class.getClassLoader().getResources(resource);
        while (lists.hasMoreElements()) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        String simple = line.substring(line.lastIndexOf('.') + 1);
                        classNamesByKind.computeIfAbsent(simple, k -> new ArrayList<>()).add(line);
                    }
                }
            }
        }
    }

    public static KindRegistry get() {
        return INSTANCE;
    }

    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public static String version(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    public boolean isBuiltinGroup(String group) {
        return SERVED.containsKey(group);
    }

    public boolean isServed(String apiVersion) {
        Set<String> versions = SERVED.get(group(apiVersion));
        return versions != null && versions.contains(version(apiVersion));
    }

    /** The fabric8 class for a served apiVersion and kind, or empty (custom resources, unknown kinds). */
    public synchronized Optional<Class<? extends HasMetadata>> resolve(String apiVersion, String kind) {
        return resolved.computeIfAbsent(apiVersion + "|" + kind, k -> lookup(apiVersion, kind));
    }

    /** The served apiVersions that have this kind, e.g. [apps/v1] for Deployment. */
    public Set<String> servedApiVersionsOf(String kind) {
        Set<String> out = new TreeSet<>();
        for (String cls : classNamesByKind.getOrDefault(kind, List.of())) {
            Class<? extends HasMetadata> c = load(cls);
            if (c != null) {
                String av = apiVersionOf(c);
                if (av != null && (isServed(av) || !isBuiltinGroup(group(av)))) {
                    out.add(av);
                }
            }
        }
        return out;
    }

    private Optional<Class<? extends HasMetadata>> lookup(String apiVersion, String kind) {
        for (String cls : classNamesByKind.getOrDefault(kind, List.of())) {
            Class<? extends HasMetadata> c = load(cls);
            if (c != null && apiVersion.equals(apiVersionOf(c))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String apiVersionOf(Class<?> c) {
        Group g = c.getAnnotation(Group.class);
        Version v = c.getAnnotation(Version.class);
        if (v == null) {
            return null;
        }
        return g == null || g.value().isEmpty() ? v.value() : g.value() + "/" + v.value();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends HasMetadata> load(String name) {
        try {
            Class<?> c = Class.forName(name, false, KindRegistry.class.getClassLoader());
            return HasMetadata.class.isAssignableFrom(c) ? (Class<? extends HasMetadata>) c : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
