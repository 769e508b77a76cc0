package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** pkg/apis/core/validation ValidateConfigMap (v1.31): key names, keys in both data and binaryData, total size. */
final class ConfigMapValidation {
    /** core.MaxSecretSize, which bounds ConfigMaps too. */
    private static final long MAX_SIZE = 1024 * 1024;

    private ConfigMapValidation() {
    }

    static void validate(ConfigMap cm, List<FieldError> errors) {
        long size = 0;
        if (cm.getData() != null) {
            for (var e : cm.getData().entrySet()) {
                size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
                key(e.getKey(), "data", errors);
                if (cm.getBinaryData() != null && cm.getBinaryData().containsKey(e.getKey())) {
                    errors.add(FieldErrors.invalidAt(FieldErrors.key("data", e.getKey()), "data[" + e.getKey() + "]", e.getKey(), "duplicate of key present in binaryData",
                            "keep the key in data or in binaryData, not both"));
                }
            }
        }
        if (cm.getBinaryData() != null) {
            for (var e : cm.getBinaryData().entrySet()) {
                size += e.getValue() == null ? 0 : e.getValue().length() * 3L / 4;
                key(e.getKey(), "binaryData", errors);
            }
        }
        if (size > MAX_SIZE) {
            errors.add(new FieldError("data", "data: Too long: must have at most " + MAX_SIZE + " bytes", "split the data over several ConfigMaps"));
        }
    }

    private static void key(String key, String field, List<FieldError> errors) {
        for (String msg : NameValidation.configMapKey(key)) {
            errors.add(FieldErrors.invalidAt(FieldErrors.key(field, key), field + "[" + key + "]", key, msg,
                    "keys are letters, digits, '-', '_' and '.', e.g. app.properties"));
        }
    }
}
