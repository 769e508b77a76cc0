package dev.sandtable.controller.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * The pod-template-hash label (pkg/controller controller_utils ComputeHash, v1.31): FNV-32a of the
 * template, written in the safe alphabet. The hashed text is canonical JSON, not Go's object dump, so values differ from upstream.
 */
public final class PodTemplateHash {
    public static final String LABEL = "pod-template-hash";
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private PodTemplateHash() {
    }

    public static String of(PodTemplateSpec template, Integer collisionCount) {
        byte[] bytes;
        try {
            bytes = CANONICAL.writeValueAsString(template).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize pod template", e);
        }
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash ^= (b & 0xff);
            hash *= 0x01000193;
        }
        if (collisionCount != null) {
            for (int i = 0; i < 4; i++) {
                hash ^= (collisionCount >>> (8 * i)) & 0xff;
                hash *= 0x01000193;
            }
        }
        return safeEncode(Integer.toUnsignedString(hash));
    }

    /** rand.SafeEncodeString: maps each character onto an alphabet without vowels or look-alike digits. */
    static String safeEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(SAFE_ALPHABET.charAt(s.charAt(i) % SAFE_ALPHABET.length()));
        }
        return sb.toString();
    }
}
