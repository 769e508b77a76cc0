package dev.sandtable.cli.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Finds the line of a field path (spec.template.spec.containers[0].image) in a document; used only when reporting problems. */
final class YamlLocator {
    private YamlLocator() {
    }

    /** 1-based line within the document of the deepest part of the path that exists. */
    static int lineOf(String documentText, String path) {
        if (path == null || path.isEmpty()) {
            return firstContentLine(documentText);
        }
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().build()).composeString(documentText);
        } catch (RuntimeException e) {
            return 1;
        }
        if (root.isEmpty()) {
            return 1;
        }
        Node node = root.get();
        int line = firstLine(node);
        if (path == null || path.isEmpty()) {
            return line;
        }
        for (Object step : steps(path)) {
            if (step instanceof String key) {
                Node next = null;
                if (node instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                            line = firstLine(t.getKeyNode());
                            next = t.getValueNode();
                            break;
                        }
                    }
                }
                if (next == null) {
                    return line;
                }
                node = next;
            } else {
                int index = (Integer) step;
                if (!(node instanceof SequenceNode seq) || index >= seq.getValue().size()) {
                    return line;
                }
                node = seq.getValue().get(index);
                line = firstLine(node);
            }
        }
        return line;
    }

    /**
     * The steps of a path: keys (String) and list indexes (Integer). Keys are separated by dots; a key holding dots or
     * slashes, such as a label key, is written quoted in brackets: metadata.labels["app.kubernetes.io/name"].
     */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                if (!key.isEmpty()) {
                    steps.add(key.toString());
                    key.setLength(0);
                }
                if (c == '.') {
                    i++;
                    continue;
                }
                int close;
                if (i + 1 < path.length() && path.charAt(i + 1) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    int j = i + 2;
                    while (j < path.length() && path.charAt(j) != '"') {
                        if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                            j++;
                        }
                        quoted.append(path.charAt(j++));
                    }
                    steps.add(quoted.toString());
                    close = path.indexOf(']', j);
                } else {
                    close = path.indexOf(']', i);
                    String inside = path.substring(i + 1, close < 0 ? path.length() : close);
                    steps.add(inside.chars().allMatch(Character::isDigit) && !inside.isEmpty() ? (Object) Integer.parseInt(inside) : inside);
                }
                i = close < 0 ? path.length() : close + 1;
                continue;
            }
            key.append(c);
            i++;
        }
        if (!key.isEmpty()) {
            steps.add(key.toString());
        }
        return steps;
    }

    /** The first line that is neither blank nor a comment: where the object starts, found without parsing. */
    static int firstContentLine(String text) {
        int line = 1;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String l = text.substring(start, end).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return line;
            }
            line++;
            start = end + 1;
        }
        return 1;
    }

    private static int firstLine(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }
}
