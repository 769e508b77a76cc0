package dev.sandtable.metrics.adapter;

import dev.sandtable.api.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The external metrics API (external.metrics.k8s.io/v1beta1) as an adapter such as prometheus-adapter or KEDA serves
 * it: named series with labels, whose current value is read when the HPA asks. A scenario feeds them from load
 * profiles, traces (a queue length) or any recorded series.
 */
public final class MetricsAdapter {
    /** One external series: a metric name, its labels, and where its value comes from. */
    public record ExternalSeries(String name, Map<String, String> labels, DoubleSupplier value) {
    }

    private final List<ExternalSeries> external = new ArrayList<>();

    public void addExternal(ExternalSeries series) {
        external.add(series);
    }

    public boolean hasExternal(String name) {
        return external.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The current values of the series of that name whose labels the selector matches (a null selector matches all). */
    public List<Double> external(String name, LabelSelector selector) {
        List<Double> out = new ArrayList<>();
        for (ExternalSeries s : external) {
            if (s.name().equals(name) && (selector == null || LabelSelectors.matches(selector, s.labels()))) {
                out.add(s.value().getAsDouble());
            }
        }
        return out;
    }
}
