package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Recorder;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** expression: a one-line check over a recorded series, AGGREGATE(SERIES) OP NUMBER, e.g. max(pool[web].nodes) <= 4. */
public record ExpressionExpectation(String name, String text, String aggregate, String series, String op, double bound, Window window)
        implements Expectation {
    static final Pattern SYNTAX = Pattern.compile("\\s*(max|min|avg|first|last|sum)\\(\\s*([^)]+?)\\s*\\)\\s*(<=|>=|==|<|>)\\s*(-?[0-9.]+)\\s*");

    @Override
    public Verdict evaluate(Evidence evidence) {
        Recorder recorder = evidence.recorder();
        double[] v = recorder.values(series);
        int[] r = recorder.range(window);
        double value = switch (aggregate) {
            case "max" -> fold(v, r, Double.NEGATIVE_INFINITY, true);
            case "min" -> fold(v, r, Double.POSITIVE_INFINITY, false);
            case "first" -> r[1] > r[0] ? v[r[0]] : 0;
            case "last" -> r[1] > r[0] ? v[r[1] - 1] : 0;
            default -> {
                double s = 0;
                for (int i = r[0]; i < r[1]; i++) {
                    s += v[i];
                }
                yield aggregate.equals("sum") ? s : r[1] > r[0] ? s / (r[1] - r[0]) : 0;
            }
        };
        boolean ok = switch (op) {
            case "<=" -> value <= bound;
            case ">=" -> value >= bound;
            case "<" -> value < bound;
            case ">" -> value > bound;
            default -> Math.abs(value - bound) < 1e-9;
        };
        String detail = aggregate + "(" + series + ") = " + SeriesBound.fmt(value) + (ok ? ", so " : ", not ") + op + " " + SeriesBound.fmt(bound);
        return new Verdict(name, "expression", ok, detail, null, ok ? null : SeriesBound.fmt(Math.abs(value - bound)));
    }

    private static double fold(double[] v, int[] r, double start, boolean max) {
        double acc = start;
        for (int i = r[0]; i < r[1]; i++) {
            acc = max ? Math.max(acc, v[i]) : Math.min(acc, v[i]);
        }
        return r[1] > r[0] ? acc : 0;
    }

    /** The expectation type. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "expression";
        }

        @Override
        public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
            Matcher m = SYNTAX.matcher(String.valueOf(value));
            if (!m.matches()) {
                ctx.error(path, "cannot read expression \"" + value + "\"", "write AGGREGATE(SERIES) OP NUMBER, e.g. max(pool[web].nodes) <= 4; "
                        + "aggregates: max, min, avg, first, last, sum");
                return null;
            }
            return new ExpressionExpectation(name != null ? name : String.valueOf(value).strip(), String.valueOf(value).strip(),
                    m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), Double.parseDouble(m.group(4)), window);
        }
    }
}
