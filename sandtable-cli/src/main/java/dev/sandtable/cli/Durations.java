package dev.sandtable.cli;

import dev.sandtable.sim.GoDurations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads --duration style options with the engine's Go-style duration syntax. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {
    public static Duration parse(String text) {
        return GoDurations.parse(text);
    }

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    public static String format(Duration d) {
        return GoDurations.format(d);
    }
}
