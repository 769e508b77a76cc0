package dev.sandtable.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Time series sampled at a fixed resolution: sample i is at offset i x resolution. Names read like
 * pool[frontend-pool].nodes, workload[shop/api].ready, service[shop/web].availability.
 */
public final class Recorder {
    private final long resolutionMillis;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private int samples;

    /** The duration is not needed to size anything: series grow with their changes, not with simulated time. */
    public Recorder(long resolutionMillis, long durationMillis) {
        this.resolutionMillis = resolutionMillis;
    }

    public long resolutionMillis() {
        return resolutionMillis;
    }

    /** Starts the next sample; values not set in it stay as they were set last (or 0). */
    public void nextSample() {
        samples++;
    }

    public void set(String name, double value) {
        handle(name).set(value);
    }

    /** A series to write the current sample of without looking it up by name each time. */
    public Handle handle(String name) {
        return new Handle(series.computeIfAbsent(name, n -> new Series()));
    }

    /** Writes one series. */
    public final class Handle {
        private final Series values;

        private Handle(Series values) {
            this.values = values;
        }

        public void set(double value) {
            values.set(samples - 1, value);
        }
    }

    /**
     * One series as runs of equal values (primitive arrays: where each run starts, and its value), so a value that
     * holds for a million samples costs one run; samples never set read 0, as in a zeroed array.
     */
    private static final class Series {
        private int[] starts = new int[4];
        private double[] values = new double[4];
        private int runs;
        private int lastSet = -1;

        void set(int sample, double value) {
            if (sample == lastSet) {
                // Written again in the same sample: forget the run this sample began, if it began one.
                if (runs > 0 && starts[runs - 1] == sample) {
                    runs--;
                }
            } else if (sample > lastSet + 1 && !same(last(), 0)) {
                append(lastSet + 1, 0);
            }
            if (!same(last(), value)) {
                append(sample, value);
            }
            lastSet = sample;
        }

        private double last() {
            return runs == 0 ? 0 : values[runs - 1];
        }

        private void append(int sample, double value) {
            if (runs == starts.length) {
                starts = Arrays.copyOf(starts, runs * 2);
                values = Arrays.copyOf(values, runs * 2);
            }
            starts[runs] = sample;
            values[runs] = value;
            runs++;
        }

        /** The value of one sample: the run it falls in, or 0 past the last one set. */
        double at(int sample) {
            if (sample > lastSet) {
                return 0;
            }
            int r = runs - 1;
            while (r >= 0 && starts[r] > sample) {
                r--;
            }
            return r < 0 ? 0 : values[r];
        }

        double[] toArray(int samples) {
            double[] out = new double[samples];
            int written = Math.min(samples, lastSet + 1);
            for (int r = 0; r < runs && starts[r] < written; r++) {
                int to = r + 1 < runs ? Math.min(starts[r + 1], written) : written;
                Arrays.fill(out, starts[r], to, values[r]);
            }
            return out;
        }

        // Bit-equal, so that -0.0 and NaN read back exactly as written.
        private static boolean same(double a, double b) {
            return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
        }
    }

    public int samples() {
        return samples;
    }

    public boolean has(String name) {
        return series.containsKey(name);
    }

    /** A series' latest sample (0 before the first). */
    public double latest(String name) {
        Series s = series.get(name);
        return s == null || samples == 0 ? 0 : s.at(samples - 1);
    }

    /** A series' recorded samples (a copy). */
    public double[] values(String name) {
        Series s = series.get(name);
        return s == null ? new double[0] : s.toArray(samples);
    }

    /** Every series by name, each rebuilt only when read, so rendering them does not hold all at once. */
    public Map<String, double[]> asMap() {
        return new java.util.AbstractMap<>() {
            @Override
            public Set<Entry<String, double[]>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public java.util.Iterator<Entry<String, double[]>> iterator() {
                        java.util.Iterator<String> names = series.keySet().iterator();
                        return new java.util.Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return names.hasNext();
                            }

                            @Override
                            public Entry<String, double[]> next() {
                                String name = names.next();
                                return Map.entry(name, Recorder.this.values(name));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return series.size();
                    }
                };
            }

            @Override
            public double[] get(Object name) {
                return series.containsKey(name) ? Recorder.this.values((String) name) : null;
            }

            @Override
            public boolean containsKey(Object name) {
                return series.containsKey(name);
            }
        };
    }

    public Iterable<String> names() {
        return series.keySet();
    }

    public long offsetOf(int sample) {
        return sample * resolutionMillis;
    }

    /** The sample index range [from, to) covering a window of offsets. */
    public int[] range(Window w) {
        int from = (int) Math.min(samples, (w.fromMillis() + resolutionMillis - 1) / resolutionMillis);
        int to = (int) Math.min(samples, w.toMillis() / resolutionMillis + 1);
        return new int[] {from, Math.max(from, to)};
    }
}
