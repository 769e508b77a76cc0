package dev.sandtable.metrics;

import java.util.List;

/**
 * Demand over simulated time, in requests per second. Profiles of one target are added together; times are
 * offsets from the scenario start, and the diurnal profile reads the time of day.
 */
public sealed interface LoadProfile {
    /** Requests per second at offset (ms from start), given the hour of day (0-24, fractional) at that instant. */
    double rps(long offsetMillis, double hourOfDay);

    /** The same demand all the time. */
    record Constant(double rps) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            return rps;
        }
    }

    /** Adds rps from the given offset on. */
    record Step(long atMillis, double rps) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            return offsetMillis >= atMillis ? rps : 0;
        }
    }

    /** From one level to another, linearly between start and end; flat before and after. */
    record Ramp(double from, double to, long startMillis, long endMillis) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            if (offsetMillis <= startMillis) {
                return from;
            }
            if (offsetMillis >= endMillis) {
                return to;
            }
            return from + (to - from) * (offsetMillis - startMillis) / (double) (endMillis - startMillis);
        }
    }

    /** A daily curve: base at the quietest hour, peak at peakHour, a cosine in between. */
    record Diurnal(double base, double peak, double peakHour) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            return base + (peak - base) * (1 + Math.cos(2 * Math.PI * (hourOfDay - peakHour) / 24)) / 2;
        }
    }

    /** Extra demand for a while. */
    record Spike(long atMillis, long durationMillis, double rps) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            return offsetMillis >= atMillis && offsetMillis < atMillis + durationMillis ? rps : 0;
        }
    }

    /** A recorded trace: each value holds from its time until the next one. */
    record Trace(String file, List<Point> points) implements LoadProfile {
        /** One row of the trace. */
        public record Point(long offsetMillis, double rps) {
        }

        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            int lo = 0;
            int hi = points.size() - 1;
            if (points.isEmpty() || offsetMillis < points.get(0).offsetMillis()) {
                return 0;
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (points.get(mid).offsetMillis() <= offsetMillis) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return points.get(lo).rps();
        }
    }

    /** Set by a setLoad event: replaces every profile from its time on. */
    record SetLevel(long fromMillis, double rps, LoadProfile before) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            return offsetMillis >= fromMillis ? rps : before.rps(offsetMillis, hourOfDay);
        }
    }

    /** Several profiles added together. */
    record Sum(List<LoadProfile> parts) implements LoadProfile {
        @Override
        public double rps(long offsetMillis, double hourOfDay) {
            double total = 0;
            for (LoadProfile p : parts) {
                total += p.rps(offsetMillis, hourOfDay);
            }
            return total;
        }
    }
}
