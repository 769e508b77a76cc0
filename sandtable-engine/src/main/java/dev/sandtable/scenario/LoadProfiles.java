package dev.sandtable.scenario;

import dev.sandtable.metrics.LoadProfile;
import dev.sandtable.sim.GoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the load profiles of a scenario: constant, step, ramp, diurnal, spike and trace (a CSV file of time,rps). */
final class LoadProfiles {
    static final Set<String> TYPES = Set.of("constant", "step", "ramp", "diurnal", "spike", "trace");

    private LoadProfiles() {
    }

    static LoadProfile parse(Map<String, Object> raw, ParseContext ctx, String path) {
        var typed = ctx.typeEntry(raw, Set.of(), TYPES, path, "load profile");
        if (typed.isEmpty()) {
            return null;
        }
        String type = typed.get().getKey();
        Object v = typed.get().getValue();
        String p = path + "." + type;
        if (type.equals("constant")) {
            Double rps = ctx.number(v instanceof Map<?, ?> m ? m.get("rps") : v, p, 0);
            return rps == null ? null : new LoadProfile.Constant(rps);
        }
        if (type.equals("trace")) {
            return trace(v instanceof Map<?, ?> m ? m.get("file") : v, ctx, p);
        }
        if (!(v instanceof Map<?, ?> m)) {
            ctx.error(p, type + " needs its fields", hint(type));
            return null;
        }
        return switch (type) {
            case "step" -> {
                Duration at = ctx.time(m.get("at"), p + ".at");
                Double rps = ctx.number(m.get("rps"), p + ".rps", 0);
                yield at == null || rps == null ? null : new LoadProfile.Step(at.toMillis(), rps);
            }
            case "ramp" -> {
                Double from = ctx.number(m.get("from"), p + ".from", 0);
                Double to = ctx.number(m.get("to"), p + ".to", 0);
                Duration start = ctx.time(m.get("start"), p + ".start");
                Duration end = ctx.time(m.get("end"), p + ".end");
                if (start != null && end != null && end.compareTo(start) <= 0) {
                    ctx.error(p + ".end", "ramp ends before it starts", "make end later than start");
                    yield null;
                }
                yield from == null || to == null || start == null || end == null ? null
                        : new LoadProfile.Ramp(from, to, start.toMillis(), end.toMillis());
            }
            case "diurnal" -> {
                Double base = ctx.number(m.get("base"), p + ".base", 0);
                Double peak = ctx.number(m.get("peak"), p + ".peak", 0);
                Double hour = ctx.number(m.get("peakHour") == null ? 14 : m.get("peakHour"), p + ".peakHour", 0);
                if (hour != null && hour >= 24) {
                    ctx.error(p + ".peakHour", "peakHour must be below 24", "e.g. peakHour: 14");
                    yield null;
                }
                yield base == null || peak == null || hour == null ? null : new LoadProfile.Diurnal(base, peak, hour);
            }
            default -> {
                Duration at = ctx.time(m.get("at"), p + ".at");
                Duration d = ctx.duration(m.get("duration"), p + ".duration");
                Double rps = ctx.number(m.get("rps"), p + ".rps", 0);
                yield at == null || d == null || rps == null ? null : new LoadProfile.Spike(at.toMillis(), d.toMillis(), rps);
            }
        };
    }

    /** A CSV trace: rows of time (a duration or seconds) and requests per second; a header row and # comments are allowed. */
    private static LoadProfile trace(Object file, ParseContext ctx, String path) {
        if (file == null) {
            ctx.error(path, "trace needs a file", "e.g. trace: {file: traffic.csv}");
            return null;
        }
        List<String> lines;
        try {
            lines = ctx.files().lines(file.toString());
        } catch (IllegalArgumentException e) {
            ctx.error(path, e.getMessage(), "give a CSV file relative to the scenario file");
            return null;
        }
        String shown = ctx.files().display(file.toString());
        List<LoadProfile.Trace.Point> points = new ArrayList<>();
        long last = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || i == 0 && !Character.isDigit(line.charAt(0))) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            String where = shown + ":" + (i + 1);
            if (cells.length != 2) {
                ctx.error(path, where + ": expected 2 columns (time,rps), found " + cells.length, "write rows like 10m,250");
                return null;
            }
            long at;
            try {
                at = Character.isDigit(cells[0].charAt(cells[0].length() - 1)) ? (long) (Double.parseDouble(cells[0]) * 1000)
                        : GoDurations.parse(cells[0]).toMillis();
            } catch (IllegalArgumentException e) {
                ctx.error(path, where + ": invalid time \"" + cells[0] + "\"", "write seconds (600) or a duration (10m)");
                return null;
            }
            double rps;
            try {
                rps = Double.parseDouble(cells[1]);
            } catch (NumberFormatException e) {
                ctx.error(path, where + ": invalid rps \"" + cells[1] + "\"", "write a number of requests per second");
                return null;
            }
            if (rps < 0) {
                ctx.error(path, where + ": negative load " + cells[1], "load is zero or more requests per second");
                return null;
            }
            if (at <= last) {
                ctx.error(path, where + ": times must increase", "sort the rows by time");
                return null;
            }
            last = at;
            points.add(new LoadProfile.Trace.Point(at, rps));
        }
        if (points.isEmpty()) {
            ctx.error(path, shown + " has no rows", "write rows like 0s,100");
            return null;
        }
        return new LoadProfile.Trace(shown, points);
    }

    private static String hint(String type) {
        return switch (type) {
            case "step" -> "e.g. step: {at: 2h, rps: 300}";
            case "ramp" -> "e.g. ramp: {from: 0, to: 500, start: 1h, end: 2h}";
            case "diurnal" -> "e.g. diurnal: {base: 50, peak: 400, peakHour: 14}";
            default -> "e.g. spike: {at: 3h, duration: 5m, rps: 1000}";
        };
    }
}
