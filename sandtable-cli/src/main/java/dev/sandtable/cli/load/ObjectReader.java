package dev.sandtable.cli.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sandtable.api.KindRegistry;
import dev.sandtable.cluster.NodePool;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML document into a typed fabric8 object, or into a problem with its line: malformed YAML,
 * missing or unserved apiVersion/kind, fields of the wrong type. Thread-safe, so documents parse in parallel.
 */
final class ObjectReader {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .build();
    private static final LoadSettings SETTINGS = LoadSettings.builder().setLabel("manifest").setAllowDuplicateKeys(false).build();

    /** The outcome for one document: zero or more objects (a List has several), or one problem. */
    record Result(List<LoadedObject> objects, ManifestProblem problem) {
        static Result of(ManifestProblem p) {
            return new Result(List.of(), p);
        }
    }

    private final KindRegistry registry = KindRegistry.get();

    Result read(Document doc) {
        Object tree;
        try {
            tree = new Load(SETTINGS).loadFromString(doc.text());
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            return Result.of(new ManifestProblem(doc.at(line), "malformed YAML: " + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem()),
                    "check indentation and quoting around this line"));
        } catch (YamlEngineException e) {
            return Result.of(new ManifestProblem(doc.at(1), "malformed YAML: " + firstLine(e.getMessage()), "check indentation and quoting"));
        }
        if (tree == null) {
            return new Result(List.of(), null);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            return Result.of(new ManifestProblem(doc.at(1), "document is not a Kubernetes object (found a " + describe(tree) + ")",
                    "each document must be a mapping with apiVersion, kind and metadata"));
        }
        Object kind = map.get("kind");
        Object apiVersion = map.get("apiVersion");
        if (kind instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?> items && apiVersion != null) {
            return readList(doc, items);
        }
        return readObject(doc, map, "");
    }

    private Result readList(Document doc, List<?> items) {
        List<LoadedObject> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                return Result.of(problem(doc, "items[" + i + "]", "list item is not a Kubernetes object", "each item needs apiVersion, kind and metadata"));
            }
            Result r = readObject(doc, item, "items[" + i + "].");
            if (r.problem() != null) {
                return r;
            }
            out.addAll(r.objects());
        }
        return new Result(out, null);
    }

    private Result readObject(Document doc, Map<?, ?> map, String prefix) {
        Object apiVersion = map.get("apiVersion");
        Object kind = map.get("kind");
        if (!(apiVersion instanceof String av) || av.isBlank()) {
            return Result.of(problem(doc, prefix + "apiVersion", "missing apiVersion", "add apiVersion, e.g. apps/v1 for a Deployment"));
        }
        if (!(kind instanceof String k) || k.isBlank()) {
            return Result.of(problem(doc, prefix + "kind", "missing kind", "add kind, e.g. Deployment"));
        }
        String group = KindRegistry.group(av);
        Class<? extends HasMetadata> type;
        if (NodePool.GROUP.equals(group)) {
            if (!NodePool.KIND.equals(k) || !NodePool.API_VERSION.equals(av)) {
                return Result.of(problem(doc, prefix + "kind", "unknown Sandtable kind " + av + " " + k,
                        "Sandtable defines " + NodePool.API_VERSION + " NodePool"));
            }
            type = NodePool.class;
        } else if (registry.isBuiltinGroup(group)) {
            if (!registry.isServed(av)) {
                return Result.of(problem(doc, prefix + "apiVersion", "apiVersion " + av + " is not served by Kubernetes " + KindRegistry.KUBERNETES_VERSION
                        + " (unknown apiVersion/kind pair " + av + " " + k + ")", servedHint(k)));
            }
            var resolved = registry.resolve(av, k);
            if (resolved.isEmpty()) {
                return Result.of(problem(doc, prefix + "kind", "unknown apiVersion/kind pair: " + av + " has no kind " + k, servedHint(k)));
            }
            type = resolved.get();
        } else {
            type = GenericKubernetesResource.class;
        }
        HasMetadata obj;
        try {
            obj = MAPPER.convertValue(map, type);
        } catch (IllegalArgumentException e) {
            String path = prefix + pathOf(e);
            return Result.of(problem(doc, path, describeMappingError(e, path), "compare the field with the " + k + " API reference"));
        }
        if (obj.getMetadata() == null) {
            obj.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        }
        int line = YamlLocator.lineOf(doc.text(), prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        return new Result(List.of(new LoadedObject(obj, doc.at(line))), null);
    }

    private String servedHint(String kind) {
        Set<String> served = registry.servedApiVersionsOf(kind);
        if (served.isEmpty()) {
            return "check the spelling of kind; Kubernetes " + KindRegistry.KUBERNETES_VERSION + " has no built-in kind " + kind;
        }
        return "use apiVersion " + String.join(" or ", served) + " for " + kind;
    }

    static ManifestProblem problem(Document doc, String path, String message, String hint) {
        return new ManifestProblem(doc.at(YamlLocator.lineOf(doc.text(), path)), message, hint);
    }

    private static String pathOf(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException jm) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : jm.getPath()) {
                if (r.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return "";
    }

    private static String describeMappingError(IllegalArgumentException e, String path) {
        Throwable cause = e.getCause();
        if (cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field \"" + path + "\"";
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            return "invalid value " + f.getValue() + " for " + path + ": expected " + f.getTargetType().getSimpleName().toLowerCase();
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            return "wrong type at " + path + ": expected " + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName());
        }
        String msg = cause == null ? e.getMessage() : cause.getMessage();
        return "cannot read " + (path.isEmpty() ? "object" : path) + ": " + firstLine(msg);
    }

    private static String describe(Object tree) {
        if (tree instanceof List<?>) {
            return "list";
        }
        return tree instanceof String ? "string" : tree.getClass().getSimpleName().toLowerCase();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
