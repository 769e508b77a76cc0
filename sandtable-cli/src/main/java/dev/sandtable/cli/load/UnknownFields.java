package dev.sandtable.cli.load;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds fields the API server would reject as unknown (kubectl's default strict field validation): fabric8 models
 * keep them aside in additionalProperties instead of failing, so a typo such as "resource:" would silently drop the field.
 */
final class UnknownFields {
    /** The first unknown field: its path (spec.template.spec.containers[0].resource) and the fields valid in its place. */
    record Found(String path, Collection<String> known) {
    }

    private record Bean(List<Property> properties, AnnotatedMember anyGetter, List<String> names) {
    }

    private record Property(String name, AnnotatedMember accessor, boolean served) {
    }

    /** Fields the fabric8 model has but Kubernetes 1.31 does not serve (pod-level resources came in 1.32). */
    private static final Map<Class<?>, Set<String>> NOT_SERVED = Map.of(PodSpec.class, Set.of("resources"));

    private static final ClassValue<Bean> BEANS = new ClassValue<>() {
        @Override
        protected Bean computeValue(Class<?> type) {
            BeanDescription d = ObjectReader.MAPPER.getSerializationConfig().introspect(ObjectReader.MAPPER.constructType(type));
            List<Property> properties = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (BeanPropertyDefinition p : d.findProperties()) {
                boolean served = !NOT_SERVED.getOrDefault(type, Set.of()).contains(p.getName());
                if (served) {
                    names.add(p.getName());
                }
                if (p.getAccessor() != null) {
                    p.getAccessor().fixAccess(true);
                    properties.add(new Property(p.getName(), p.getAccessor(), served));
                }
            }
            AnnotatedMember any = d.findAnyGetter();
            if (any != null) {
                any.fixAccess(true);
            }
            return new Bean(properties, any, names);
        }
    };

    private UnknownFields() {
    }

    static Optional<Found> find(Object o) {
        return Optional.ofNullable(find0(o));
    }

    // Paths are built only for the field that is found, as the recursion returns: most objects have none.
    private static Found find0(Object o) {
        if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Found f = find0(list.get(i));
                if (f != null) {
                    return under("[" + i + "]", f);
                }
            }
            return null;
        }
        if (o instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                Found f = find0(e.getValue());
                if (f != null) {
                    return under(String.valueOf(e.getKey()), f);
                }
            }
            return null;
        }
        if (o == null || !isModel(o.getClass())) {
            return null;
        }
        Bean bean = BEANS.get(o.getClass());
        if (bean.anyGetter() != null && bean.anyGetter().getValue(o) instanceof Map<?, ?> extra && !extra.isEmpty()) {
            return new Found(String.valueOf(extra.keySet().iterator().next()), bean.names());
        }
        for (Property p : bean.properties()) {
            Object value = p.accessor().getValue(o);
            if (!p.served() && value != null) {
                return new Found(p.name(), bean.names());
            }
            Found f = find0(value);
            if (f != null) {
                return under(p.name(), f);
            }
        }
        return null;
    }

    private static Found under(String segment, Found f) {
        return new Found(f.path().startsWith("[") ? segment + f.path() : segment + "." + f.path(), f.known());
    }

    private static boolean isModel(Class<?> c) {
        String n = c.getName();
        return n.startsWith("io.fabric8.kubernetes.") || n.startsWith("dev.sandtable.");
    }

    /** The known name closest to a misspelt one, if it is close enough to be what was meant. */
    static Optional<String> closest(String name, Collection<?> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object k : known) {
            int d = distance(name.toLowerCase(), String.valueOf(k).toLowerCase());
            if (d < bestDistance) {
                best = String.valueOf(k);
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
