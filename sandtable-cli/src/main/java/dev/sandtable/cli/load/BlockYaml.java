package dev.sandtable.cli.load;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads the plain block style that kubectl, Helm and most people write (nested "key: value" mappings, "- " sequences,
 * one-line plain or quoted scalars, comments) straight into the Jackson tokens snakeyaml-engine's events would give,
 * several times faster than its general scanner. Anything else (flow collections, block and multi-line scalars,
 * escapes, anchors, tags, tabs, odd indentation, CR line ends) throws {@link YamlTrees.Unsupported}, and the document
 * goes to snakeyaml-engine, which also reports every error: this reader only ever accepts what it reads exactly as
 * snakeyaml-engine does (tests compare the two on every YAML file of the project and on generated documents).
 */
final class BlockYaml {
    /** snakeyaml-engine's limit for a simple key: the key, quotes included, must end within this many characters. */
    private static final int MAX_SIMPLE_KEY = 1024;
    private static final int MAX_DEPTH = 200;

    private final String text;
    private final YamlTrees resolver;
    private final TokenBuffer out;
    // Content lines (blank and comment-only lines left out): where the text starts after the indentation, where the
    // line ends, and the indentation. A compact "- key: v" item rewrites its line to start at the key.
    private int[] start;
    private int[] end;
    private int[] indent;
    private int lines;
    private int pos;
    private int depth;

    private BlockYaml(String text, YamlTrees resolver, ObjectCodec codec) {
        this.text = text;
        this.resolver = resolver;
        this.out = new TokenBuffer(codec, false);
    }

    /** The document as tokens, when it is a block mapping this reader takes; throws Unsupported otherwise. */
    static YamlTrees.Tokens tokens(String text, YamlTrees resolver, ObjectCodec codec) {
        return new BlockYaml(text, resolver, codec).read();
    }

    private YamlTrees.Tokens read() {
        // snakeyaml-engine refuses documents over its size limit (BlockYaml takes no surrogates: chars are code points).
        if (text.length() > resolver.codePointLimit()) {
            throw YamlTrees.UNSUPPORTED;
        }
        splitLines();
        if (lines == 0 || startsSequenceEntry(0)) {
            throw YamlTrees.UNSUPPORTED;
        }
        try {
            Root root = new Root();
            mapping(indent[0], root);
            if (pos != lines) {
                throw YamlTrees.UNSUPPORTED;
            }
            return new YamlTrees.Tokens(out, root.apiVersion, root.kind, root.hasItemsList);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** What the top-level mapping says about the object's type, collected while it is written. */
    private static final class Root {
        Object apiVersion;
        Object kind;
        boolean hasItemsList;
    }

    private void splitLines() {
        int n = text.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0xd800 && c <= 0xdfff || c == 0x2028 || c == 0x2029 || c >= 0xfeff) {
                // Tabs, CR, control and special characters: snakeyaml-engine decides what they mean.
                throw YamlTrees.UNSUPPORTED;
            }
        }
        start = new int[count];
        end = new int[count];
        indent = new int[count];
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int i = lineStart;
            while (i < lineEnd && text.charAt(i) == ' ') {
                i++;
            }
            if (i < lineEnd && text.charAt(i) != '#') {
                char c = text.charAt(i);
                if (c == '%' || (text.startsWith("---", i) || text.startsWith("...", i)) && i == lineStart) {
                    throw YamlTrees.UNSUPPORTED;
                }
                start[lines] = i;
                end[lines] = lineEnd;
                indent[lines] = i - lineStart;
                lines++;
            }
            lineStart = lineEnd + 1;
        }
    }

    private boolean startsSequenceEntry(int line) {
        int s = start[line];
        return text.charAt(s) == '-' && (s + 1 == end[line] || text.charAt(s + 1) == ' ');
    }

    /** A block mapping whose keys sit at column level; ends at the first line indented less. */
    private void mapping(int level, Root root) throws IOException {
        enter();
        out.writeStartObject();
        YamlTrees.Keys keys = new YamlTrees.Keys();
        while (pos < lines && indent[pos] == level) {
            if (startsSequenceEntry(pos)) {
                throw YamlTrees.UNSUPPORTED;
            }
            int line = pos;
            int colon = key(line);
            Object key = keyValue(line, colon);
            if (key == null || !keys.add(key)) {
                throw YamlTrees.UNSUPPORTED;
            }
            String name = KubectlScalars.key(key);
            out.writeFieldName(name);
            int v = skipSpaces(colon + 1, end[line]);
            boolean typeField = root != null && (name.equals("apiVersion") || name.equals("kind"));
            if (v < end[line] && text.charAt(v) != '#') {
                Object value = scalar(line, v);
                YamlTrees.writeScalar(out, value);
                pos++;
                if (typeField) {
                    setTypeField(root, name, value);
                }
                continue;
            }
            pos++;
            boolean sequence = false;
            if (pos < lines && indent[pos] > level) {
                sequence = startsSequenceEntry(pos);
                block(indent[pos]);
            } else if (pos < lines && indent[pos] == level && startsSequenceEntry(pos)) {
                // An indentless sequence: "containers:" followed by "- name: main" at the key's own column.
                sequence = true;
                sequence(level);
            } else {
                out.writeNull();
                if (typeField) {
                    setTypeField(root, name, null);
                }
                continue;
            }
            if (typeField) {
                setTypeField(root, name, YamlTrees.NOT_A_SCALAR);
            }
            if (root != null && sequence && name.equals("items")) {
                root.hasItemsList = true;
            }
        }
        // A line indented deeper than these keys but not under one: a continued scalar, or misaligned keys.
        if (pos < lines && indent[pos] > level) {
            throw YamlTrees.UNSUPPORTED;
        }
        out.writeEndObject();
        depth--;
    }

    private static void setTypeField(Root root, String name, Object value) {
        if (name.equals("kind")) {
            root.kind = value;
        } else {
            root.apiVersion = value;
        }
    }

    /** The node that starts on line pos, indented to level: a sequence or a mapping. */
    private void block(int level) throws IOException {
        if (startsSequenceEntry(pos)) {
            sequence(level);
        } else {
            mapping(level, null);
        }
    }

    /** A block sequence whose "- " entries sit at column level. */
    private void sequence(int level) throws IOException {
        enter();
        out.writeStartArray();
        while (pos < lines && indent[pos] == level && startsSequenceEntry(pos)) {
            int line = pos;
            int item = skipSpaces(start[line] + 1, end[line]);
            if (item >= end[line] || text.charAt(item) == '#') {
                pos++;
                if (pos < lines && indent[pos] > level) {
                    block(indent[pos]);
                } else {
                    out.writeNull();
                }
                continue;
            }
            if (text.charAt(item) == '-' && (item + 1 == end[line] || text.charAt(item + 1) == ' ')) {
                throw YamlTrees.UNSUPPORTED;
            }
            if (hasMappingKey(line, item)) {
                // A compact mapping, "- name: main": its keys sit at the column of the first one.
                int column = indent[line] + (item - start[line]);
                start[line] = item;
                indent[line] = column;
                mapping(column, null);
                continue;
            }
            YamlTrees.writeScalar(out, scalar(line, item));
            pos++;
        }
        if (pos < lines && indent[pos] > level) {
            throw YamlTrees.UNSUPPORTED;
        }
        out.writeEndArray();
        depth--;
    }

    // snakeyaml-engine composes nodes recursively and runs out of stack somewhere past a few hundred levels.
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw YamlTrees.UNSUPPORTED;
        }
    }

    /** Whether the text of the line from i holds a mapping key: a quoted scalar followed by ':', or a plain one. */
    private boolean hasMappingKey(int line, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            int close = closingQuote(line, i);
            return close + 1 < end[line] && text.charAt(close + 1) == ':';
        }
        return plainKeyColon(line, i) >= 0;
    }

    /** The position of the ':' that ends the key starting the line's text. */
    private int key(int line) {
        int s = start[line];
        char c = text.charAt(s);
        if (c == '\'' || c == '"') {
            int close = closingQuote(line, s);
            int colon = close + 1;
            if (colon >= end[line] || text.charAt(colon) != ':' || colon + 1 < end[line] && text.charAt(colon + 1) != ' '
                    || colon - s > MAX_SIMPLE_KEY) {
                throw YamlTrees.UNSUPPORTED;
            }
            return colon;
        }
        int colon = plainKeyColon(line, s);
        if (colon < 0 || colon - s > MAX_SIMPLE_KEY) {
            throw YamlTrees.UNSUPPORTED;
        }
        return colon;
    }

    /** The ':' ending a plain key that starts at i (a ':' followed by a space or the line end), or -1. */
    private int plainKeyColon(int line, int i) {
        for (int j = i, e = end[line]; j < e; j++) {
            char c = text.charAt(j);
            if (c == ':' && (j + 1 == e || text.charAt(j + 1) == ' ')) {
                return j;
            }
            if (c == '#' && j > i && text.charAt(j - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    private Object keyValue(int line, int colon) {
        int s = start[line];
        char c = text.charAt(s);
        if (c == '\'' || c == '"') {
            return quoted(line, s, closingQuote(line, s));
        }
        if (colon == s || text.charAt(colon - 1) == ' ') {
            throw YamlTrees.UNSUPPORTED;
        }
        String key = text.substring(s, colon);
        checkPlainStart(key);
        if (key.equals("<<")) {
            throw YamlTrees.UNSUPPORTED;
        }
        return resolver.resolve(key, true);
    }

    /** The one-line scalar starting at i and running to the line end or a comment. */
    private Object scalar(int line, int i) {
        int e = end[line];
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            int close = closingQuote(line, i);
            int after = close + 1;
            if (after < e) {
                int rest = skipSpaces(after, e);
                if (rest == after || rest < e && text.charAt(rest) != '#') {
                    throw YamlTrees.UNSUPPORTED;
                }
            }
            return quoted(line, i, close);
        }
        int stop = e;
        for (int j = i; j < e; j++) {
            char x = text.charAt(j);
            if (x == '#' && j > i && text.charAt(j - 1) == ' ') {
                stop = j;
                break;
            }
            if (x == ':' && (j + 1 == e || text.charAt(j + 1) == ' ')) {
                throw YamlTrees.UNSUPPORTED;
            }
        }
        while (stop > i && text.charAt(stop - 1) == ' ') {
            stop--;
        }
        String value = text.substring(i, stop);
        checkPlainStart(value);
        return resolver.resolve(value, true);
    }

    /** Plain scalars may not start with an indicator, except '-', '?' and ':' followed by a non-space. */
    private static void checkPlainStart(String value) {
        char c = value.charAt(0);
        if (",[]{}#&*!|>'\"%@`".indexOf(c) >= 0
                || (c == '-' || c == '?' || c == ':') && (value.length() == 1 || value.charAt(1) == ' ')) {
            throw YamlTrees.UNSUPPORTED;
        }
    }

    /** The closing quote on the same line; escapes in double quotes, and quotes left open, are left to snakeyaml-engine. */
    private int closingQuote(int line, int open) {
        char q = text.charAt(open);
        int e = end[line];
        for (int j = open + 1; j < e; j++) {
            char c = text.charAt(j);
            if (q == '"' && c == '\\') {
                throw YamlTrees.UNSUPPORTED;
            }
            if (c == q) {
                if (q == '\'' && j + 1 < e && text.charAt(j + 1) == '\'') {
                    j++;
                    continue;
                }
                return j;
            }
        }
        throw YamlTrees.UNSUPPORTED;
    }

    private String quoted(int line, int open, int close) {
        String s = text.substring(open + 1, close);
        return text.charAt(open) == '\'' && s.indexOf('\'') >= 0 ? s.replace("''", "'") : s;
    }

    private int skipSpaces(int i, int e) {
        while (i < e && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
