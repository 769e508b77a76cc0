package dev.sandtable.cli.load;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;

/**
 * Builds a document's maps, lists and scalars, or the Jackson tokens those values serialize to, straight from
 * snakeyaml-engine's parser events, giving the values its Load would give with {@link KubectlSchema} (kubectl's
 * scalar resolution) without composing a node tree first. Anything beyond plain manifest YAML (anchors, aliases, explicit tags,
 * non-scalar, null or duplicate keys) is left to Load.
 */
final class YamlTrees {
    /** The document uses YAML this builder leaves to snakeyaml-engine's Load. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();
    /** Stands for an apiVersion or kind that is not a scalar: present, but no string. */
    static final Object NOT_A_SCALAR = new Object();

    private final LoadSettings settings;

    /** Settings whose schema resolves scalars as kubectl does ({@link KubectlSchema}). */
    YamlTrees(LoadSettings settings) {
        if (!(settings.getSchema() instanceof KubectlSchema)) {
            throw new IllegalArgumentException("YamlTrees builds the values of KubectlSchema, not " + settings.getSchema());
        }
        this.settings = settings;
    }

    /** The largest document, in code points, snakeyaml-engine reads. */
    int codePointLimit() {
        return settings.getCodePointLimit();
    }

    /** The document's value (null for an empty document); throws Unsupported or the parser's own exceptions. */
    Object parse(String text) {
        Iterator<Event> it = document(text);
        if (it == null) {
            return null;
        }
        Object value = build(it, it.next());
        end(it);
        return value;
    }

    /** The document's events after its start, or null for an empty stream. */
    private Iterator<Event> document(String text) {
        Iterator<Event> it = new Parse(settings).parseString(text).iterator();
        expect(it.next(), StreamStartEvent.class);
        Event e = it.next();
        if (e instanceof StreamEndEvent) {
            return null;
        }
        expect(e, DocumentStartEvent.class);
        return it;
    }

    private static void end(Iterator<Event> it) {
        expect(it.next(), DocumentEndEvent.class);
        expect(it.next(), StreamEndEvent.class);
    }

    /** A top-level mapping as the tokens a Jackson mapper would serialize its Map to, with the fields that pick its type. */
    record Tokens(TokenBuffer buffer, Object apiVersion, Object kind, boolean hasItemsList) {
    }

    /**
     * The document as tokens, or null when it is empty or not a mapping (the caller builds values then, to say
     * what it is); throws Unsupported or the parser's own exceptions, as parse does.
     */
    Tokens tokens(String text, ObjectCodec codec) {
        Iterator<Event> it = document(text);
        if (it == null) {
            return null;
        }
        Event root = it.next();
        if (!(root instanceof MappingStartEvent m) || m.getAnchor().isPresent() || m.getTag().isPresent()) {
            return null;
        }
        TokenBuffer out = new TokenBuffer(codec, false);
        Object apiVersion = null;
        Object kind = null;
        boolean hasItemsList = false;
        try {
            out.writeStartObject();
            Keys keys = new Keys();
            for (Event k = it.next(); !(k instanceof MappingEndEvent); k = it.next()) {
                String name = fieldName(k, keys);
                out.writeFieldName(name);
                Event v = it.next();
                if (v instanceof ScalarEvent s && ("apiVersion".equals(name) || "kind".equals(name))) {
                    Object value = scalar(s);
                    if (name.equals("kind")) {
                        kind = value;
                    } else {
                        apiVersion = value;
                    }
                    writeScalar(out, value);
                } else {
                    if (name.equals("kind")) {
                        kind = NOT_A_SCALAR;
                    } else if (name.equals("apiVersion")) {
                        apiVersion = NOT_A_SCALAR;
                    }
                    hasItemsList |= "items".equals(name) && v instanceof SequenceStartEvent;
                    write(it, v, out);
                }
            }
            out.writeEndObject();
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        end(it);
        return new Tokens(out, apiVersion, kind, hasItemsList);
    }

    private void write(Iterator<Event> it, Event e, TokenBuffer out) throws java.io.IOException {
        if (e instanceof ScalarEvent s) {
            writeScalar(out, scalar(s));
        } else if (e instanceof MappingStartEvent m) {
            if (m.getAnchor().isPresent() || m.getTag().isPresent()) {
                throw UNSUPPORTED;
            }
            out.writeStartObject();
            Keys keys = new Keys();
            for (Event k = it.next(); !(k instanceof MappingEndEvent); k = it.next()) {
                out.writeFieldName(fieldName(k, keys));
                write(it, it.next(), out);
            }
            out.writeEndObject();
        } else if (e instanceof SequenceStartEvent q) {
            if (q.getAnchor().isPresent() || q.getTag().isPresent()) {
                throw UNSUPPORTED;
            }
            out.writeStartArray();
            for (Event x = it.next(); !(x instanceof SequenceEndEvent); x = it.next()) {
                write(it, x, out);
            }
            out.writeEndArray();
        } else {
            throw UNSUPPORTED;
        }
    }

    /** A mapping key as the field name Jackson writes for the Map key Load would build (String.valueOf of it). */
    private String fieldName(Event k, Keys keys) {
        if (!(k instanceof ScalarEvent key) || "<<".equals(key.getValue())) {
            throw UNSUPPORTED;
        }
        Object value = scalar(key);
        if (value == null || !keys.add(value)) {
            throw UNSUPPORTED;
        }
        return KubectlScalars.key(value);
    }

    /** The token a Jackson mapper writes for each value the schema's constructors return. */
    static void writeScalar(TokenBuffer out, Object value) throws java.io.IOException {
        if (value instanceof String s) {
            out.writeString(s);
        } else if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof java.math.BigInteger b) {
            out.writeNumber(b);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else {
            throw UNSUPPORTED;
        }
    }

    /** The keys of one mapping so far: a short list scanned in place, as most mappings have a handful of keys. */
    static final class Keys {
        private final ArrayList<Object> seen = new ArrayList<>(8);
        private java.util.HashSet<Object> many;

        boolean add(Object key) {
            if (many != null) {
                return many.add(key);
            }
            if (seen.contains(key)) {
                return false;
            }
            seen.add(key);
            if (seen.size() > 16) {
                many = new java.util.HashSet<>(seen);
            }
            return true;
        }
    }

    private Object build(Iterator<Event> it, Event e) {
        if (e instanceof ScalarEvent s) {
            return scalar(s);
        }
        if (e instanceof MappingStartEvent m) {
            if (m.getAnchor().isPresent() || m.getTag().isPresent()) {
                throw UNSUPPORTED;
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            while (true) {
                Event k = it.next();
                if (k instanceof MappingEndEvent) {
                    return map;
                }
                if (!(k instanceof ScalarEvent key) || "<<".equals(key.getValue())) {
                    throw UNSUPPORTED;
                }
                Object k2 = scalar(key);
                if (k2 == null || map.put(KubectlScalars.key(k2), build(it, it.next())) != null) {
                    throw UNSUPPORTED;
                }
            }
        }
        if (e instanceof SequenceStartEvent q) {
            if (q.getAnchor().isPresent() || q.getTag().isPresent()) {
                throw UNSUPPORTED;
            }
            List<Object> list = new ArrayList<>();
            while (true) {
                Event x = it.next();
                if (x instanceof SequenceEndEvent) {
                    return list;
                }
                list.add(build(it, x));
            }
        }
        throw UNSUPPORTED;
    }

    private Object scalar(ScalarEvent s) {
        if (s.getAnchor().isPresent() || s.getTag().isPresent()) {
            throw UNSUPPORTED;
        }
        return resolve(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN);
    }

    /** The value kubectl reads for an untagged scalar: quoted ones are strings, plain ones resolve by YAML 1.1 rules. */
    Object resolve(String value, boolean plain) {
        if (!plain) {
            return value;
        }
        Object v = KubectlScalars.resolve(value);
        if (v instanceof KubectlScalars.NonFinite) {
            // Load reports it, with its line.
            throw UNSUPPORTED;
        }
        return v;
    }

    /**
     * A tree Load built, with JSON's field names (keys named as sigs.k8s.io/yaml names them: yes: is "true") and
     * go-yaml v2's merge keys applied: a plain "<<" copies the fields of the mapping (or mappings, earlier ones winning) it
     * names, over the fields before it and under the ones after it.
     */
    static Object jsonKeys(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var e : map.entrySet()) {
                if (e.getKey() == KubectlSchema.MERGE_KEY && merge(out, e.getValue())) {
                    continue;
                }
                out.put(e.getKey() instanceof String s ? s : KubectlScalars.key(e.getKey()), jsonKeys(e.getValue()));
            }
            return out;
        }
        if (tree == KubectlSchema.MERGE_KEY) {
            return "<<";
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(jsonKeys(x));
            }
            return out;
        }
        return tree;
    }

    private static boolean merge(Map<Object, Object> out, Object value) {
        if (value instanceof Map<?, ?>) {
            out.putAll((Map<?, ?>) jsonKeys(value));
            return true;
        }
        if (value instanceof List<?> list && list.stream().allMatch(x -> x instanceof Map<?, ?>)) {
            for (int i = list.size() - 1; i >= 0; i--) {
                out.putAll((Map<?, ?>) jsonKeys(list.get(i)));
            }
            return true;
        }
        return false;
    }

    private static void expect(Event e, Class<? extends Event> type) {
        if (!type.isInstance(e)) {
            throw UNSUPPORTED;
        }
    }
}
