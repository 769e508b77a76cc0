package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods each HPA's scale selector matches, as upstream's pod lister answers them, kept current from pod watch events
 * so that a sync does not match every pod of the namespace against the selector again.
 */
final class PodSelection {
    private final ObjectStore store;
    private final Map<String, Selected> byHpa = new HashMap<>();
    private final Map<String, List<Selected>> byNamespace = new HashMap<>();
    private final Map<String, List<Selected>> byPod = new HashMap<>();

    private static final class Selected {
        final String namespace;
        final LabelSelector selector;
        final LinkedHashMap<String, Pod> pods = new LinkedHashMap<>();

        Selected(String namespace, LabelSelector selector) {
            this.namespace = namespace;
            this.selector = selector;
        }
    }

    PodSelection(ObjectStore store) {
        this.store = store;
        store.watch(Pod.class, this::onPod);
    }

    /** The pods the selector matches in the HPA's namespace (the selection is rebuilt when the selector changes). */
    List<Pod> pods(String hpaKey, String namespace, LabelSelector selector) {
        Selected s = byHpa.get(hpaKey);
        if (s == null || !Objects.equals(s.selector, selector)) {
            forget(hpaKey);
            s = new Selected(namespace, selector);
            byHpa.put(hpaKey, s);
            byNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(s);
            for (Pod p : store.list(Pod.class, namespace)) {
                if (LabelSelectors.matches(selector, p.getMetadata().getLabels())) {
                    add(s, p);
                }
            }
        }
        return new ArrayList<>(s.pods.values());
    }

    void forget(String hpaKey) {
        Selected s = byHpa.remove(hpaKey);
        if (s == null) {
            return;
        }
        byNamespace.getOrDefault(s.namespace, new ArrayList<>()).remove(s);
        for (String name : s.pods.keySet()) {
            List<Selected> l = byPod.get(s.namespace + "/" + name);
            if (l != null) {
                l.remove(s);
            }
        }
    }

    private void add(Selected s, Pod p) {
        s.pods.put(p.getMetadata().getName(), p);
        byPod.computeIfAbsent(s.namespace + "/" + p.getMetadata().getName(), k -> new ArrayList<>(1)).add(s);
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod p = e.object();
        String ns = p.getMetadata().getNamespace();
        String key = ns + "/" + p.getMetadata().getName();
        switch (e.type()) {
            case ADDED -> {
                for (Selected s : byNamespace.getOrDefault(ns, List.of())) {
                    if (LabelSelectors.matches(s.selector, p.getMetadata().getLabels())) {
                        add(s, p);
                    }
                }
            }
            case MODIFIED -> {
                for (Selected s : byPod.getOrDefault(key, List.of())) {
                    s.pods.put(p.getMetadata().getName(), p);
                }
            }
            case DELETED -> {
                List<Selected> l = byPod.remove(key);
                if (l != null) {
                    for (Selected s : l) {
                        s.pods.remove(p.getMetadata().getName());
                    }
                }
            }
            default -> {
            }
        }
    }
}
