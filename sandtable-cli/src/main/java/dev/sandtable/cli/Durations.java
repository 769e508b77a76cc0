package dev.sandtable.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations the way Kubernetes users write them (Go syntax): 90s, 10m, 1h30m, 2h. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    public static Duration parse(String text) {
        String t = text.strip();
        Matcher m = PART.matcher(t);
        long millis = 0;
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                break;
            }
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

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
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
}
