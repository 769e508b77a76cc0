package dev.sandtable.bench;

/** The scheduler_perf workloads (kube-scheduler test/integration/scheduler_perf) that Sandtable measures itself on. */
public enum Workload {
    /** SchedulingBasic: plain pods with cpu/memory requests. */
    BASIC,
    /** SchedulingPodTopologySpread-like: a zone spread constraint with maxSkew 1, DoNotSchedule. */
    TOPOLOGY_SPREAD,
    /** SchedulingNodeAffinity: required node affinity on a zone label. */
    NODE_AFFINITY,
    /** SchedulingPreferredPodAffinity: preferred pod affinity to pods of the same group per zone. */
    PREFERRED_POD_AFFINITY,
    /** SchedulingPodAntiAffinity: required anti-affinity on hostname to pods of the same group. */
    REQUIRED_POD_ANTI_AFFINITY,
    /** A zone spread constraint (maxSkew 1, DoNotSchedule) with a preferred hostname anti-affinity to the same group. */
    SPREAD_ANTI_AFFINITY,
    /**
     * Pods created by Deployments (through their ReplicaSets), each Deployment selected by a Service of its own, so
     * every pod gets the system default spreading; measures the controllers and the scheduler together.
     */
    DEPLOYMENTS;

    /** Whether the workload's pods come from controllers rather than being created as bare pods. */
    public boolean controllerMade() {
        return this == DEPLOYMENTS;
    }
}
