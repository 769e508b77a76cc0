package dev.sandtable.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** CPU architecture of a node, spelled as the kubelet sets the kubernetes.io/arch label (Go GOARCH names). */
public enum Arch {
    AMD64, ARM64;

    /** The kubernetes.io/arch label value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a label value ("amd64", "arm64"), ignoring case and surrounding blanks. */
    public static Arch parse(String text) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (Arch a : values()) {
                if (a.label().equals(wanted)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + text + "'; valid values: "
                + Arrays.stream(values()).map(Arch::label).collect(Collectors.joining(", ")));
    }
}
