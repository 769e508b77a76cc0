package dev.sandtable.cli.load;

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
        for (String segment : path.split("\\.")) {
            String key = segment;
            int bracket = segment.indexOf('[');
            if (bracket >= 0) {
                key = segment.substring(0, bracket);
            }
            if (!key.isEmpty()) {
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
            }
            while (bracket >= 0) {
                int close = segment.indexOf(']', bracket);
                int index = Integer.parseInt(segment.substring(bracket + 1, close));
                if (!(node instanceof SequenceNode seq) || index >= seq.getValue().size()) {
                    return line;
                }
                node = seq.getValue().get(index);
                line = firstLine(node);
                bracket = segment.indexOf('[', close);
            }
        }
        return line;
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
