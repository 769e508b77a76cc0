package dev.sandtable.cli.load;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.Set;

/**
 * Makes reading reject fields the API server would reject as unknown (kubectl's default strict field validation),
 * while the object is read: fabric8 models keep unknown fields aside in additionalProperties instead of failing,
 * so a typo such as "resource:" would silently drop the field. Without that catch-all, the mapper's
 * FAIL_ON_UNKNOWN_PROPERTIES names the field, its path and the fields valid in its place.
 */
final class StrictFields extends BeanDeserializerModifier {
    /** Fields the fabric8 model has but Kubernetes 1.31 does not serve (pod-level resources came in 1.32). */
    private static final Map<Class<?>, Set<String>> NOT_SERVED = Map.of(PodSpec.class, Set.of("resources"));

    static SimpleModule module() {
        return new SimpleModule("sandtable-strict-fields").setDeserializerModifier(new StrictFields());
    }

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
        Class<?> type = description.getBeanClass();
        if (isModel(type)) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            for (String name : NOT_SERVED.getOrDefault(type, Set.of())) {
                builder.removeProperty(PropertyName.construct(name));
            }
        }
        return builder;
    }

    private static boolean isModel(Class<?> c) {
        String n = c.getName();
        return n.startsWith("io.fabric8.kubernetes.") || n.startsWith("dev.sandtable.");
    }
}
