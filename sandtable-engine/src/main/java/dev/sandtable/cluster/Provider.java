package dev.sandtable.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The managed Kubernetes offering whose node conventions (reservations, max pods, prices) a node pool mirrors. */
public enum Provider {
    AKS, EKS, GKE, NONE;

    /** Reads a provider name, ignoring case and surrounding blanks. */
    public static Provider parse(String text) {
        if (text != null) {
            String wanted = text.strip().toUpperCase(Locale.ROOT);
            for (Provider p : values()) {
                if (p.name().equals(wanted)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "'; valid values: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
