package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The error shapes of apimachinery's util/validation/field (v1.31): "PATH: Invalid value: VALUE: DETAIL",
 * "Required value", "Unsupported value", "Duplicate value", "Forbidden", worded and valued as the API server prints them.
 * The FieldError's path locates the line (it may be deeper than upstream's path, e.g. down to one label key).
 */
final class FieldErrors {
    private FieldErrors() {
    }

    static FieldError required(String path, String detail, String hint) {
        return new FieldError(path, path + ": Required value" + (detail.isEmpty() ? "" : ": " + detail), hint);
    }

    static FieldError forbidden(String path, String detail, String hint) {
        return new FieldError(path, path + ": Forbidden: " + detail, hint);
    }

    static FieldError invalid(String path, Object value, String detail, String hint) {
        return invalidAt(path, path, value, detail, hint);
    }

    /** Invalid at upstream's path, located at a deeper one (such as the label key within metadata.labels). */
    static FieldError invalidAt(String locate, String path, Object value, String detail, String hint) {
        return new FieldError(locate, path + ": Invalid value: " + go(value) + (detail.isEmpty() ? "" : ": " + detail), hint);
    }

    static FieldError notSupported(String path, Object value, List<String> supported, String hint) {
        return new FieldError(path, path + ": Unsupported value: " + go(value) + ": supported values: "
                + supported.stream().map(FieldErrors::quote).collect(Collectors.joining(", ")), hint);
    }

    static FieldError duplicate(String path, Object value, String hint) {
        return new FieldError(path, path + ": Duplicate value: " + go(value), hint);
    }

    /** The path of one key of a map field, quoted so that keys with dots or slashes (app.kubernetes.io/name) stay one segment. */
    static String key(String path, String key) {
        return path + "[" + quote(key) + "]";
    }

    /** A value as Go's field.Error prints it: strings quoted (%q), numbers and booleans bare, maps as %#v. */
    static String go(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> quote(s);
            case Map<?, ?> m -> "map[string]string{" + new TreeMap<>(m).entrySet().stream()
                    .map(e -> quote(String.valueOf(e.getKey())) + ":" + quote(String.valueOf(e.getValue()))).collect(Collectors.joining(", ")) + "}";
            default -> String.valueOf(value);
        };
    }

    /** Go's %q: double quotes, with backslash escapes for quotes, backslashes and control characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
