package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;
import static dev.sandtable.api.validation.FieldErrors.invalidAt;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** apimachinery's api/validation ValidateObjectMeta and meta/v1/validation ValidateLabels (v1.31): names, namespaces, labels, annotation keys. */
final class ObjectMetaValidation {
    private static final String LABEL_HINT = "label values are at most 63 characters of A-Z, a-z, 0-9, '-', '_' and '.', starting and ending"
            + " with a letter or digit (or empty)";
    private static final String KEY_HINT = "keys are an optional DNS subdomain prefix and '/', then at most 63 characters of A-Z, a-z, 0-9,"
            + " '-', '_' and '.' (e.g. app.kubernetes.io/name)";

    private ObjectMetaValidation() {
    }

    /** An object's metadata; the name rule differs per kind (a DNS subdomain for most, a DNS label for Namespaces, DNS-1035 for Services). */
    static void validate(ObjectMeta meta, String kind, Function<String, List<String>> nameRule, List<FieldError> errors) {
        String name = meta == null ? null : meta.getName();
        if (name == null || name.isEmpty()) {
            errors.add(FieldErrors.required("metadata.name", "name or generateName is required",
                    "every " + kind + " needs a name: add metadata.name"));
        } else {
            for (String msg : nameRule.apply(name)) {
                errors.add(invalid("metadata.name", name, msg, "name it with lower-case letters, digits and '-', starting and ending with a"
                        + " letter or digit"));
            }
        }
        if (meta == null) {
            return;
        }
        if (meta.getNamespace() != null && !meta.getNamespace().isEmpty()) {
            for (String msg : NameValidation.dns1123Label(meta.getNamespace())) {
                errors.add(invalid("metadata.namespace", meta.getNamespace(), msg, "a namespace is a lowercase RFC 1123 label, e.g. shop-prod"));
            }
        }
        labels(meta.getLabels(), "metadata.labels", errors);
        annotations(meta.getAnnotations(), errors);
    }

    /** Label keys and values, as in metadata.labels, selectors' matchLabels and nodeSelector; errors name upstream's path (the map). */
    static void labels(Map<String, String> labels, String path, List<FieldError> errors) {
        if (labels == null) {
            return;
        }
        for (var e : labels.entrySet()) {
            String at = FieldErrors.key(path, e.getKey());
            for (String msg : NameValidation.qualifiedName(e.getKey())) {
                errors.add(invalidAt(at, path, e.getKey(), msg, KEY_HINT));
            }
            if (e.getValue() == null) {
                continue;
            }
            for (String msg : NameValidation.labelValue(e.getValue())) {
                errors.add(invalidAt(at, path, e.getValue(), msg, LABEL_HINT));
            }
        }
    }

    /** A label key alone (ValidateLabelName), as in selector requirements, toleration keys and topology keys. */
    static void labelName(String key, String path, List<FieldError> errors) {
        for (String msg : NameValidation.qualifiedName(key == null ? "" : key)) {
            errors.add(invalid(path, key == null ? "" : key, msg, KEY_HINT));
        }
    }

    static void labelValue(String value, String path, List<FieldError> errors) {
        for (String msg : NameValidation.labelValue(value == null ? "" : value)) {
            errors.add(invalid(path, value, msg, LABEL_HINT));
        }
    }

    private static void annotations(Map<String, String> annotations, List<FieldError> errors) {
        if (annotations == null) {
            return;
        }
        long size = 0;
        for (var e : annotations.entrySet()) {
            // Upstream checks the lower-cased key, so capitals are allowed in annotation keys.
            for (String msg : NameValidation.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
                errors.add(invalidAt(FieldErrors.key("metadata.annotations", e.getKey()), "metadata.annotations", e.getKey(), msg, KEY_HINT));
            }
            size += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > TOTAL_ANNOTATION_BYTES) {
            errors.add(new FieldError("metadata.annotations", "metadata.annotations: Too long: may not be more than " + TOTAL_ANNOTATION_BYTES
                    + " bytes", "move large data out of annotations, e.g. into a ConfigMap"));
        }
    }

    private static final long TOTAL_ANNOTATION_BYTES = 256 * 1024;
}
