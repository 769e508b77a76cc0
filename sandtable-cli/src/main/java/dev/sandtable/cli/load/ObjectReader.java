package dev.sandtable.cli.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sandtable.api.KindRegistry;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.scenario.Scenario;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML document into a typed fabric8 object, or into a problem with its line: malformed YAML,
 * missing or unserved apiVersion/kind, fields of the wrong type. Thread-safe, so documents parse in parallel.
 */
final class ObjectReader {
    /** Built-in and Sandtable kinds: a field the schema does not have is an error, as with kubectl's strict validation. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .addModule(StrictFields.module())
            // As Go's encoding/json in the API server: "3" is not an int32, 3.5 is not an integer, and 5 or true is not a string.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    /** Custom resources: their body is free-form, as no schema is loaded to hold it to. */
    private static final ObjectMapper CUSTOM = JsonMapper.builder().build();
    private static final LoadSettings SETTINGS = KubectlSchema.settings(true);
    // Most documents are well formed: parse them without tracking positions, and again with them only to report a problem.
    private static final LoadSettings FAST = KubectlSchema.settings(false);
    private static final YamlTrees TREES = new YamlTrees(FAST);

    /** The outcome for one document: zero or more objects (a List has several, one per item), or one problem. */
    record Result(List<LoadedObject> objects, boolean fromList, ManifestProblem problem) {
        Result(List<LoadedObject> objects, ManifestProblem problem) {
            this(objects, false, problem);
        }

        static Result of(ManifestProblem p) {
            return new Result(List.of(), p);
        }

        /** The path of object i's fields within the document: items[i]. for a List, nothing otherwise. */
        String prefix(int i) {
            return fromList ? "items[" + i + "]." : "";
        }
    }

    private final KindRegistry registry = KindRegistry.get();

    /** Builds the deserializers most manifests need (pods and pod templates, nodes) ahead of the first document. */
    static void prepare() {
        MAPPER.readerFor(io.fabric8.kubernetes.api.model.Pod.class);
        MAPPER.readerFor(io.fabric8.kubernetes.api.model.Node.class);
    }

    Result read(Document doc) {
        // The common case, one object per document, goes from parser events to tokens to the typed object in one pass.
        YamlTrees.Tokens tokens = null;
        try {
            tokens = BlockYaml.tokens(doc.text(), TREES, MAPPER);
        } catch (YamlTrees.Unsupported notPlainBlockStyle) {
            try {
                tokens = TREES.tokens(doc.text(), MAPPER);
            } catch (YamlTrees.Unsupported | YamlEngineException | StackOverflowError other) {
                // Read below, the general way, which also says what is wrong.
            }
        }
        if (tokens != null && !(tokens.kind() instanceof String k && k.endsWith("List") && tokens.hasItemsList() && tokens.apiVersion() != null)) {
            var buffer = tokens.buffer();
            return readObject(doc, tokens.apiVersion(), tokens.kind(), "", (mapper, type) -> mapper.readValue(buffer.asParser(mapper), type));
        }
        Object tree;
        try {
            try {
                try {
                    tree = TREES.parse(doc.text());
                } catch (YamlTrees.Unsupported unusual) {
                    tree = YamlTrees.jsonKeys(new Load(FAST).loadFromString(doc.text()));
                }
            } catch (YamlEngineException unmarked) {
                tree = YamlTrees.jsonKeys(new Load(SETTINGS).loadFromString(doc.text()));
            }
        } catch (MarkedYamlEngineException e) {
            return Result.of(malformed(doc, e));
        } catch (YamlEngineException e) {
            return Result.of(new ManifestProblem(doc.at(1), syntax(doc) + firstLine(e.getMessage()), "check indentation and quoting"));
        } catch (StackOverflowError e) {
            // snakeyaml-engine composes nested nodes recursively; no Kubernetes object comes near this depth.
            return Result.of(new ManifestProblem(doc.at(1), syntax(doc) + "nested too deeply to read",
                    "check the indentation: a Kubernetes object is a few dozen levels deep at most"));
        }
        if (tree == null) {
            return new Result(List.of(), null);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            return Result.of(new ManifestProblem(doc.at(1), "document is not a Kubernetes object (found a " + describe(tree) + ")",
                    tree instanceof List<?> ? "separate objects with --- lines, or wrap them in apiVersion: v1, kind: List, items:"
                            : "each document must be a mapping with apiVersion, kind and metadata"));
        }
        Object kind = map.get("kind");
        Object apiVersion = map.get("apiVersion");
        if (kind instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?> items && apiVersion != null) {
            return readList(doc, items, apiVersion, k.substring(0, k.length() - "List".length()));
        }
        return readObject(doc, map, "");
    }

    /** Reads an object's content as a type, with a mapper; fails with Jackson's exception, which carries the field's path. */
    @FunctionalInterface
    private interface Content {
        HasMetadata as(ObjectMapper mapper, Class<? extends HasMetadata> type) throws java.io.IOException;
    }

    /**
     * The items of a List. Items of a typed list as the API server returns them (PodList, whose items carry no apiVersion
     * and kind) take the list's apiVersion and its kind without "List", as kubectl's UnstructuredList reads them.
     */
    private Result readList(Document doc, List<?> items, Object listApiVersion, String itemKind) {
        List<LoadedObject> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                return Result.of(problem(doc, "items[" + i + "]", "list item is not a Kubernetes object", "each item needs apiVersion, kind and metadata"));
            }
            if (item.get("apiVersion") == null && item.get("kind") == null && !itemKind.isEmpty()) {
                Map<Object, Object> typed = new java.util.LinkedHashMap<>(item);
                typed.put("apiVersion", listApiVersion);
                typed.put("kind", itemKind);
                item = typed;
            }
            Result r = readObject(doc, item, "items[" + i + "].");
            if (r.problem() != null) {
                return r;
            }
            out.addAll(r.objects());
        }
        return new Result(out, true, null);
    }

    private Result readObject(Document doc, Map<?, ?> map, String prefix) {
        return readObject(doc, map.get("apiVersion"), map.get("kind"), prefix, (mapper, type) -> {
            try {
                return mapper.convertValue(map, type);
            } catch (IllegalArgumentException e) {
                if (e.getCause() instanceof JsonMappingException jm) {
                    throw jm;
                }
                throw e;
            }
        });
    }

    private Result readObject(Document doc, Object apiVersion, Object kind, String prefix, Content content) {
        if (!(apiVersion instanceof String av) || av.isBlank()) {
            return Result.of(problem(doc, prefix + "apiVersion", "missing apiVersion", "add apiVersion, e.g. apps/v1 for a Deployment"));
        }
        if (!(kind instanceof String k) || k.isBlank()) {
            return Result.of(problem(doc, prefix + "kind", "missing kind", "add kind, e.g. Deployment"));
        }
        String group = KindRegistry.group(av);
        Class<? extends HasMetadata> type;
        if (NodePool.GROUP.equals(group)) {
            type = NodePool.KIND.equals(k) ? NodePool.class : Scenario.KIND.equals(k) ? Scenario.class : null;
            if (type == null || !NodePool.API_VERSION.equals(av)) {
                return Result.of(problem(doc, prefix + "kind", "unknown Sandtable kind " + av + " " + k,
                        "Sandtable defines " + NodePool.API_VERSION + " NodePool and Scenario"));
            }
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
            obj = content.as(type == GenericKubernetesResource.class ? CUSTOM : MAPPER, type);
        } catch (JsonMappingException e) {
            String field = pathOf(e);
            if (e instanceof UnrecognizedPropertyException u) {
                return Result.of(unknownField(doc, prefix, field, k, u.getKnownPropertyIds()));
            }
            WrongType wrong = WrongType.of(e, field);
            if (wrong != null) {
                return Result.of(problem(doc, prefix + field, wrong.message(), wrong.hint()));
            }
            return Result.of(problem(doc, prefix + field, describeMappingError(e, field), "compare the field with the " + k + " API reference"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Result.of(problem(doc, prefix, "cannot read object: " + firstLine(cause.getMessage()), "compare the field with the " + k + " API reference"));
        }
        if (obj.getMetadata() == null) {
            obj.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        }
        int line = YamlLocator.lineOf(doc.text(), prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        return new Result(List.of(new LoadedObject(obj, doc.at(line))), null);
    }

    /** Says what is wrong in the user's terms, on the line to fix, which is not always the line where the parser gave up. */
    private static ManifestProblem malformed(Document doc, MarkedYamlEngineException e) {
        String problem = firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
        String context = e.getContext() == null ? "" : e.getContext();
        int line = Math.min(e.getProblemMark().map(m -> m.getLine() + 1).orElse(1), lastContentLine(doc.text()));
        int opened = e.getContextMark().map(m -> m.getLine() + 1).orElse(line);
        String what = syntax(doc);
        if (context.contains("quoted scalar")) {
            // The parser only notices an unclosed quote where the document ends; the quote is on the line it opened.
            return new ManifestProblem(doc.at(opened), what + "quoted string is never closed (" + problem + ")",
                    "add the closing quote on this line, or escape the quote inside the value");
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            boolean sequence = context.contains("sequence");
            return new ManifestProblem(doc.at(line), what + problem + " in the " + (sequence ? "[" : "{") + " opened on line " + doc.at(opened).line(),
                    "put a comma between entries and close the " + (sequence ? "[ with ]" : "{ with }"));
        }
        if (e instanceof DuplicateKeyException) {
            return new ManifestProblem(doc.at(line), what + problem + " (already set in this mapping)", "remove one of them or merge the two");
        }
        if (problem.contains("JSON cannot hold")) {
            return new ManifestProblem(doc.at(line), what + problem, "quote it if it is text; JSON has no infinite or NaN numbers");
        }
        if (problem.contains("(TAB)")) {
            return new ManifestProblem(doc.at(line), what + "tab character used for indentation", "indent with spaces; YAML does not allow tabs");
        }
        if (problem.startsWith("expected <block end>")) {
            return new ManifestProblem(doc.at(line), what + "bad indentation: this line is not aligned with the lines it belongs to (" + problem + ")",
                    "indent it exactly as far as its sibling fields");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return new ManifestProblem(doc.at(line), what + problem + " (a key is indented under a plain value, or a value has an unquoted \": \")",
                    "fix the indentation of this line, or quote the value");
        }
        return new ManifestProblem(doc.at(line), what + problem, "check indentation and quoting around this line");
    }

    private static String syntax(Document doc) {
        return doc.source().name().toLowerCase().endsWith(".json") ? "malformed JSON: " : "malformed YAML: ";
    }

    private static int lastContentLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static ManifestProblem unknownField(Document doc, String prefix, String path, String kind, Collection<?> known) {
        int dot = path.lastIndexOf('.');
        String field = path.substring(dot + 1);
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String guess = UnknownFields.closest(field, known).map(c -> " (did you mean \"" + c + "\"?)").orElse("");
        String hint = NodePool.KIND.equals(kind) ? "check the spelling; docs/node-pools.md lists the NodePool fields"
                : "check the spelling and indentation; kubectl explain " + kind.toLowerCase()
                + (parent.isEmpty() ? "" : "." + parent.replaceAll("\\[\\d+]", "")) + " lists the fields";
        return problem(doc, prefix + path, "unknown field \"" + path + "\"" + guess, hint);
    }

    /** Built-in kinds that were removed, and what replaced them. */
    private static final Map<String, String> REMOVED_KINDS = Map.of(
            "PodSecurityPolicy", "PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security admission"
                    + " (pod-security.kubernetes.io/enforce labels on the namespace)",
            "ComponentStatus", "ComponentStatus is deprecated and not simulated; remove it");

    private String servedHint(String kind) {
        Set<String> served = registry.servedApiVersionsOf(kind);
        if (REMOVED_KINDS.containsKey(kind) && served.isEmpty()) {
            return REMOVED_KINDS.get(kind);
        }
        if (served.isEmpty()) {
            return "check the spelling of kind; Kubernetes " + KindRegistry.KUBERNETES_VERSION + " has no built-in kind " + kind;
        }
        return "use apiVersion " + String.join(" or ", served) + " for " + kind;
    }

    static ManifestProblem problem(Document doc, String path, String message, String hint) {
        return new ManifestProblem(doc.at(YamlLocator.lineOf(doc.text(), path)), message, hint);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
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

    /** A scalar of the wrong JSON type, which the API server's decoder refuses (a quoted number for an int32, a number for a string). */
    record WrongType(String message, String hint) {
        static WrongType of(JsonMappingException e, String path) {
            if (!(e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) || m.getTargetType() == null
                    || !(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) || parser.currentToken() == null
                    || !parser.currentToken().isScalarValue()) {
                return null;
            }
            String expected = switch (m.getTargetType().getName()) {
                case "java.lang.Integer", "int" -> "an integer (int32)";
                case "java.lang.Long", "long" -> "an integer (int64)";
                case "java.lang.Boolean", "boolean" -> "a boolean";
                case "java.lang.String" -> "a string";
                case "java.lang.Double", "double", "java.lang.Float", "float" -> "a number";
                default -> null;
            };
            if (expected == null) {
                return null;
            }
            String text;
            try {
                text = parser.getText();
            } catch (java.io.IOException io) {
                return null;
            }
            String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            var token = parser.currentToken();
            String got = token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? "the string \"" + text + "\""
                    : token.isNumeric() ? "the number " + text : token.isBoolean() ? "the boolean " + text : "null";
            String hint;
            if (expected.equals("a string")) {
                hint = "quote the value: " + field + ": \"" + text + "\"";
            } else if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && expected.startsWith("an integer") && text.strip().matches("-?\\d+")) {
                hint = "remove the quotes: " + field + ": " + text.strip();
            } else if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && expected.equals("a boolean")
                    && (text.equals("true") || text.equals("false"))) {
                hint = "remove the quotes: " + field + ": " + text;
            } else {
                hint = "write " + expected.replaceAll(" \\(.*\\)", "") + " for " + field;
            }
            return new WrongType(path + ": expected " + expected + ", got " + got + " (the API server refuses a value of the wrong type)", hint);
        }
    }

    private static String describeMappingError(JsonMappingException e, String path) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            return "invalid value \"" + f.getValue() + "\" for " + path + ": expected " + f.getTargetType().getSimpleName().toLowerCase();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            return "wrong type at " + path + ": expected " + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName());
        }
        return "cannot read " + (path.isEmpty() ? "object" : path) + ": " + firstLine(e.getOriginalMessage());
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
