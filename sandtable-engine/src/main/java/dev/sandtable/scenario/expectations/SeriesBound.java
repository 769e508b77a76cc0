package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.Recorder;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import dev.sandtable.sim.GoDurations;
import java.util.Locale;

/**
 * A bound on a recorded series at every sample of a window: at most or at least a value. A failure tells
 * when the series first crossed the bound and its worst value.
 */
record SeriesBound(String name, String type, String series, String label, boolean atMost, double bound, Window window)
        implements Expectation {

    @Override
    public Verdict evaluate(Evidence evidence) {
        Recorder recorder = evidence.recorder();
        double[] v = recorder.values(series);
        int[] r = recorder.range(window);
        Integer first = null;
        double worst = Double.NaN;
        for (int i = r[0]; i < r[1]; i++) {
            boolean broken = atMost ? v[i] > bound : v[i] < bound;
            if (broken) {
                if (first == null) {
                    first = i;
                }
                worst = Double.isNaN(worst) ? v[i] : atMost ? Math.max(worst, v[i]) : Math.min(worst, v[i]);
            }
        }
        String limit = (atMost ? "at most " : "at least ") + fmt(bound);
        if (first == null) {
            return new Verdict(name, type, true, label + " stayed " + limit + " over " + window.describe(), null, null);
        }
        long at = recorder.offsetOf(first);
        return new Verdict(name, type, false, label + " was " + fmt(worst) + " at worst, first broke " + limit + " at "
                + GoDurations.clock(at), at, fmt(Math.abs(worst - bound)));
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
