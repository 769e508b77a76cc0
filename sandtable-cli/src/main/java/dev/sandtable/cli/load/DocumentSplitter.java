package dev.sandtable.cli.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream at document markers. A line starting with "---" or "..." followed by a blank
 * or the line end can only be a marker in YAML 1.2, so a textual split is exact and lets documents be parsed in parallel.
 */
final class DocumentSplitter {
    private DocumentSplitter() {
    }

    static List<Document> split(Source source) {
        String text = source.text();
        List<Document> docs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int start = 1;
        int pos = 0;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            String l = text.substring(pos, end);
            if (isMarker(l, "---")) {
                add(docs, source, start, current);
                current.setLength(0);
                String rest = l.substring(3).strip();
                start = line;
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    current.append(rest);
                }
                current.append('\n');
            } else if (isMarker(l, "...")) {
                add(docs, source, start, current);
                current.setLength(0);
                start = line + 1;
            } else {
                current.append(l).append('\n');
            }
            line++;
            pos = end + 1;
        }
        add(docs, source, start, current);
        return docs;
    }

    private static boolean isMarker(String line, String marker) {
        return line.startsWith(marker) && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t' || line.charAt(3) == '\r');
    }

    private static void add(List<Document> docs, Source source, int startLine, StringBuilder text) {
        if (hasContent(text)) {
            docs.add(new Document(source, docs.size() + 1, startLine, text.toString()));
        }
    }

    private static boolean hasContent(CharSequence text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int eol = i;
            while (eol < n && text.charAt(eol) != '\n') {
                eol++;
            }
            String l = text.subSequence(i, eol).toString().strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("%")) {
                return true;
            }
            i = eol + 1;
        }
        return false;
    }
}
