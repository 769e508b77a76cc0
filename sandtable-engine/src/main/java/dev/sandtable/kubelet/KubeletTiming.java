package dev.sandtable.kubelet;

import java.time.Duration;

/** How long the simulated kubelet takes for each start-up step; the defaults are typical of a small image on a cloud node. */
public record KubeletTiming(Duration imagePull, Duration initContainerRun, Duration containerStart) {
    public static final KubeletTiming DEFAULT = new KubeletTiming(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1));
    /** Pods start the moment they are bound: for placing pods once, where only the order of events matters. */
    public static final KubeletTiming INSTANT = new KubeletTiming(Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
