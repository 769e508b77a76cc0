package dev.sandtable.cli.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes API objects as block-style YAML documents, the shape `kubectl get -o yaml` prints and the loader's
 * fast reader takes; strings are always double-quoted (JSON escapes are valid YAML), so none is read as a number.
 * Keys are sorted, as kubectl prints them, so the same objects always give the same bytes.
 * Empty maps and lists are left out: for the generated objects it is written for, empty means the same as absent.
 */
public final class ManifestWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ManifestWriter() {
    }

    /** Writes each object as one document, separated by "---" lines. */
    public static void write(List<? extends HasMetadata> objects, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        for (HasMetadata o : objects) {
            sb.setLength(0);
            mapping(MAPPER.valueToTree(o), 0, sb);
            sb.append("---\n");
            out.write(sb.toString());
        }
    }

    private static void mapping(JsonNode map, int indent, StringBuilder sb) {
        boolean first = true;
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            if (e.getValue().isNull() || (e.getValue().isContainerNode() && e.getValue().isEmpty())) {
                continue;
            }
            if (!first || sb.isEmpty() || sb.charAt(sb.length() - 1) == '\n') {
                sb.append(" ".repeat(indent));
            }
            first = false;
            sb.append(quoteKey(e.getKey())).append(':');
            value(e.getValue(), indent, sb);
        }
    }

    private static void value(JsonNode v, int indent, StringBuilder sb) {
        if (v.isObject()) {
            sb.append('\n');
            mapping(v, indent + 2, sb);
        } else if (v.isArray()) {
            sb.append('\n');
            for (JsonNode item : v) {
                sb.append(" ".repeat(indent)).append("- ");
                if (item.isObject()) {
                    mapping(item, indent + 2, sb);
                } else {
                    scalar(item, sb);
                    sb.append('\n');
                }
            }
        } else {
            sb.append(' ');
            scalar(v, sb);
            sb.append('\n');
        }
    }

    private static void scalar(JsonNode v, StringBuilder sb) {
        sb.append(v.isTextual() ? v.toString() : v.asText());
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_./-]+") ? key : new TextNode(key).toString();
    }
}
