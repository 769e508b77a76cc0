package dev.sandtable.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.FieldError;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** One row of a ported upstream validation table: an object as YAML and the error upstream reports first for it (none when valid). */
final class ValidationRows {
    private ValidationRows() {
    }

    /** expected: the start of one error line (path, type, value and detail as upstream prints them); null when the object is valid. */
    static Arguments row(String name, Class<? extends HasMetadata> type, String yaml, String expected) {
        return Arguments.of(name, type, yaml, expected);
    }

    static void check(Class<? extends HasMetadata> type, String yaml, String expected) {
        List<String> messages = ObjectValidator.validate(Yaml.read(type, yaml)).stream().map(FieldError::message).toList();
        if (expected == null) {
            assertThat(messages).isEmpty();
        } else {
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(expected));
        }
    }
}
