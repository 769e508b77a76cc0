package dev.sandtable.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Kubernetes users write them (Go's time.ParseDuration syntax, plus d for days): 90s, 10m, 1h30m. */
public final class GoDurations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private GoDurations() {
    }

    /** Parses a duration; throws IllegalArgumentException with a hint when the text is not one. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = PART.matcher(t);
        long millis = 0;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            millis += (long) (v * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            });
            pos = m.end();
        }
        if (pos != t.length() || t.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": write e.g. 90s, 10m, 1h30m or 24h");
        }
        return Duration.ofMillis(millis);
    }

    /** Go-style rendering: 10m0s becomes "10m", 90 s "1m30s". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            sb.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || sb.isEmpty()) {
            sb.append(s).append('s');
        }
        return sb.toString();
    }

    /** An offset from the start as a clock reading, e.g. 01:02:03 (or 1d 01:02:03 past a day). */
    public static String clock(long offsetMillis) {
        long s = offsetMillis / 1000;
        String hms = String.format("%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return s >= 86400 ? (s / 86400) + "d " + hms : hms;
    }
}
