package dev.sandtable.cli.report;

import java.util.Locale;

/** Human-readable CPU and memory amounts in Kubernetes units. */
public final class Units {
    private Units() {
    }

    public static String cpu(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
    }

    public static String memory(long bytes) {
        double gi = bytes / (double) (1L << 30);
        if (gi >= 1) {
            return String.format(Locale.ROOT, "%.1fGi", gi);
        }
        return (bytes >> 20) + "Mi";
    }
}
