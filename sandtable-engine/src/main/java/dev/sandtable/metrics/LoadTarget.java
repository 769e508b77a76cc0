package dev.sandtable.metrics;

import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * Where load arrives: a Service (spread over its ready endpoints, as kube-proxy does) or a workload's ready
 * pods; with its demand and the usage model of the pods that serve it.
 */
public record LoadTarget(Kind kind, String namespace, String name, LabelSelector selector, LoadProfile demand, UsageModel usage,
                         String seriesKey) {

    public LoadTarget(Kind kind, String namespace, String name, LabelSelector selector, LoadProfile demand, UsageModel usage) {
        this(kind, namespace, name, selector, demand, usage, (kind == Kind.SERVICE ? "service[" : "workload[") + namespace + "/" + name + "]");
    }

    /** What the target names. */
    public enum Kind { SERVICE, WORKLOAD }

    public LoadTarget withDemand(LoadProfile newDemand) {
        return new LoadTarget(kind, namespace, name, selector, newDemand, usage, seriesKey);
    }
}
