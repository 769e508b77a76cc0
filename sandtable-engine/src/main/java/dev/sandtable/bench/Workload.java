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
    REQUIRED_POD_ANTI_AFFINITY
}
