package dev.sandtable.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time series sampled at a fixed resolution: sample i is at offset i x resolution. Names read like
 * pool[frontend-pool].nodes, workload[shop/api].ready, service[shop/web].availability.
 */
public final class Recorder {
    private final long resolutionMillis;
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final int capacity;
    private int samples;

    public Recorder(long resolutionMillis, long durationMillis) {
        this.resolutionMillis = resolutionMillis;
        this.capacity = (int) (durationMillis / resolutionMillis) + 1;
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
        return new Handle(series.computeIfAbsent(name, n -> new double[capacity]));
    }

    /** Writes one series. */
    public final class Handle {
        private final double[] values;

        private Handle(double[] values) {
            this.values = values;
        }

        public void set(double value) {
            values[samples - 1] = value;
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
        double[] s = series.get(name);
        return s == null || samples == 0 ? 0 : s[samples - 1];
    }

    /** A series' recorded samples (a copy). */
    public double[] values(String name) {
        double[] s = series.get(name);
        return s == null ? new double[0] : Arrays.copyOf(s, samples);
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
