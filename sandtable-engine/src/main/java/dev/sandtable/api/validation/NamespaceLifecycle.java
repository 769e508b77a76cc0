package dev.sandtable.api.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NamespaceLifecycle admission plugin's existence check (plugin/pkg/admission/namespace/lifecycle, v1.31), applied to the
 * inputs as a whole: an object in a namespace that the inputs do not define would be refused by a real API server
 * (namespaces "x" not found) when applied before its namespace exists. Sandtable creates the namespace and warns.
 */
public final class NamespaceLifecycle {
    /** The namespaces an API server has from the start. */
    public static final Set<String> BUILT_IN = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private NamespaceLifecycle() {
    }

    /** A namespace the inputs use without defining it: the first object in it, and how many objects it holds. */
    public record Missing(String namespace, HasMetadata first, int objects) {
        public String message() {
            return "namespaces \"" + namespace + "\" not found: a real API server refuses " + describe(first)
                    + (objects > 1 ? " and the " + (objects - 1) + " other object(s) in namespace " + namespace : "")
                    + " until the namespace exists (Sandtable creates it)";
        }

        public String hint() {
            return "add a Namespace " + namespace + " to the inputs, or create it before applying";
        }
    }

    /** The namespaces used but not defined, in the order of the objects that first use them. */
    public static List<Missing> missing(Collection<? extends HasMetadata> objects) {
        Set<String> defined = new HashSet<>(BUILT_IN);
        for (HasMetadata o : objects) {
            if (o instanceof Namespace ns && ns.getMetadata() != null) {
                defined.add(ns.getMetadata().getName());
            }
        }
        Map<String, HasMetadata> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (!(o instanceof Namespaced) || o.getMetadata() == null) {
                continue;
            }
            String ns = o.getMetadata().getNamespace() == null || o.getMetadata().getNamespace().isEmpty() ? "default" : o.getMetadata().getNamespace();
            if (!defined.contains(ns)) {
                first.putIfAbsent(ns, o);
                counts.merge(ns, 1, Integer::sum);
            }
        }
        return first.entrySet().stream().map(e -> new Missing(e.getKey(), e.getValue(), counts.get(e.getKey()))).toList();
    }

    private static String describe(HasMetadata o) {
        return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }
}
