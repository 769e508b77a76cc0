package dev.sandtable.cli.load;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.ConstructorException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Mirrors kubectl 1.31's YAML 1.1 scalar resolution (go-yaml v2 through sigs.k8s.io/yaml) as a snakeyaml-engine
 * schema, so that documents snakeyaml-engine reads get the values {@link KubectlScalars} gives the fast readers.
 */
final class KubectlSchema implements Schema {
    /** Plain scalars go-yaml resolves to an infinite or NaN float, which kubectl cannot turn into JSON. */
    static final Tag NON_FINITE = new Tag("tag:sandtable.dev,2026:non-finite");
    /** The plain key "<<", which go-yaml takes as a merge key (a quoted one is an ordinary key). */
    static final Tag MERGE = new Tag("tag:yaml.org,2002:merge");
    /** What Load builds for a plain "<<", so that {@link YamlTrees#jsonKeys} can tell it from a quoted one. */
    static final Object MERGE_KEY = new Object() {
        @Override
        public String toString() {
            return "<<";
        }
    };
    private static final KubectlSchema INSTANCE = new KubectlSchema();

    private final Map<Tag, ConstructNode> constructors = Map.of(
            Tag.NULL, n -> typed(n, Tag.NULL), Tag.BOOL, n -> typed(n, Tag.BOOL), Tag.INT, n -> typed(n, Tag.INT),
            Tag.FLOAT, n -> typed(n, Tag.FLOAT), NON_FINITE, n -> typed(n, NON_FINITE), MERGE, n -> MERGE_KEY);

    private KubectlSchema() {
    }

    /** Load settings reading as kubectl reads: no duplicate keys, with or without positions (marks). */
    static LoadSettings settings(boolean marks) {
        return LoadSettings.builder().setLabel("manifest").setAllowDuplicateKeys(false).setUseMarks(marks).setSchema(INSTANCE).build();
    }

    @Override
    public ScalarResolver getScalarResolver() {
        return (value, implicit) -> !implicit ? Tag.STR : "<<".equals(value) ? MERGE : tagOf(KubectlScalars.resolve(value));
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return constructors;
    }

    private static Tag tagOf(Object v) {
        if (v == null) {
            return Tag.NULL;
        }
        if (v instanceof Boolean) {
            return Tag.BOOL;
        }
        if (v instanceof Double) {
            return Tag.FLOAT;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return Tag.INT;
        }
        return v instanceof KubectlScalars.NonFinite ? NON_FINITE : Tag.STR;
    }

    /** The scalar's value; an explicit tag the text does not fit (!!int abc) is refused, as go-yaml refuses it. */
    private static Object typed(Node node, Tag tag) {
        String text = ((ScalarNode) node).getValue();
        Object v = KubectlScalars.resolve(text);
        if (v instanceof KubectlScalars.NonFinite) {
            throw new ConstructorException(null, Optional.empty(), "the value " + text + " is a float JSON cannot hold, so kubectl refuses"
                    + " the document (json: unsupported value)", node.getStartMark());
        }
        Tag actual = tagOf(v);
        if (!actual.equals(tag) && !(tag.equals(Tag.FLOAT) && actual.equals(Tag.INT))) {
            throw new ConstructorException(null, Optional.empty(), "cannot decode " + text + " as " + tag, node.getStartMark());
        }
        return v;
    }
}
