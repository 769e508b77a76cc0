package dev.sandtable.cli.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream at document markers. A line starting with "---" or "..." followed by a blank
 * or the line end can only be a marker in YAML 1.2, so a textual split is exact and lets documents be parsed in parallel.
 * Each document's text is the slice of its lines, every line ending in a newline.
 */
final class DocumentSplitter {
    private DocumentSplitter() {
    }

    static List<Document> split(Source source) {
        String text = source.text();
        int n = text.length();
        List<Document> docs = new ArrayList<>();
        // The current document: what a "--- content" marker line left on its own line, then text[from, pos).
        String head = "";
        int from = 0;
        int start = 1;
        int line = 1;
        int pos = 0;
        while (pos < n) {
            int end = text.indexOf('\n', pos);
            int next = end < 0 ? n : end + 1;
            int lineEnd = end < 0 ? n : end;
            if (isMarker(text, pos, lineEnd, '-')) {
                add(docs, source, start, head, text, from, pos);
                String rest = text.substring(pos + 3, lineEnd).strip();
                head = !rest.isEmpty() && !rest.startsWith("#") ? rest + "\n" : "\n";
                from = next;
                start = line;
            } else if (isMarker(text, pos, lineEnd, '.')) {
                add(docs, source, start, head, text, from, pos);
                head = "";
                from = next;
                start = line + 1;
            }
            line++;
            pos = next;
        }
        add(docs, source, start, head, text, from, n);
        return docs;
    }

    private static boolean isMarker(String text, int pos, int lineEnd, char c) {
        if (lineEnd - pos < 3 || text.charAt(pos) != c || text.charAt(pos + 1) != c || text.charAt(pos + 2) != c) {
            return false;
        }
        if (lineEnd - pos == 3) {
            return true;
        }
        char after = text.charAt(pos + 3);
        return after == ' ' || after == '\t' || after == '\r';
    }

    private static void add(List<Document> docs, Source source, int startLine, String head, String text, int from, int to) {
        if (!hasContent(head, 0, head.length()) && !hasContent(text, from, to)) {
            return;
        }
        // The last document's last line gets its newline too, as every other line has one.
        String body = to == text.length() ? text.substring(from, to) + "\n" : text.substring(from, to);
        docs.add(new Document(source, docs.size() + 1, startLine, head.isEmpty() ? body : head + body));
    }

    /** Whether text[from, to) has a line that is neither blank, a comment nor a directive. */
    private static boolean hasContent(String text, int from, int to) {
        boolean lineStart = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && !Character.isWhitespace(c)) {
                if (c != '#' && c != '%') {
                    return true;
                }
                lineStart = false;
            }
        }
        return false;
    }
}
