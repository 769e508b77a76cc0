package dev.sandtable.cli.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
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
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Builds a document's maps, lists and scalars straight from snakeyaml-engine's parser events, giving the values
 * its Load would give (same schema, same scalar resolution) without composing a node tree first. Anything
 * beyond plain manifest YAML (anchors, aliases, explicit tags, non-scalar or duplicate keys) is left to Load.
 */
final class YamlTrees {
    /** The document uses YAML this builder leaves to snakeyaml-engine's Load. */
    static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final LoadSettings settings;
    private final ScalarResolver resolver;
    private final Map<Tag, ConstructNode> constructors;

    YamlTrees(LoadSettings settings) {
        this.settings = settings;
        Schema schema = settings.getSchema();
        this.resolver = schema.getScalarResolver();
        this.constructors = schema.getSchemaTagConstructors();
    }

    /** The document's value (null for an empty document); throws Unsupported or the parser's own exceptions. */
    Object parse(String text) {
        Iterator<Event> it = new Parse(settings).parseString(text).iterator();
        expect(it.next(), StreamStartEvent.class);
        Event e = it.next();
        if (e instanceof StreamEndEvent) {
            return null;
        }
        expect(e, DocumentStartEvent.class);
        Object value = build(it, it.next());
        expect(it.next(), DocumentEndEvent.class);
        expect(it.next(), StreamEndEvent.class);
        return value;
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
                if (map.put(scalar(key), build(it, it.next())) != null) {
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
        String value = s.getValue();
        boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
        Tag tag = resolver.resolve(value, plain);
        if (Tag.STR.equals(tag)) {
            return value;
        }
        ConstructNode c = constructors.get(tag);
        if (c == null) {
            throw UNSUPPORTED;
        }
        return c.construct(new ScalarNode(tag, value, s.getScalarStyle()));
    }

    private static void expect(Event e, Class<? extends Event> type) {
        if (!type.isInstance(e)) {
            throw UNSUPPORTED;
        }
    }
}
