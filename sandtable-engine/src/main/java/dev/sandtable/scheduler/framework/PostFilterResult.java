package dev.sandtable.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** What a PostFilter plugin made of a failed cycle: the node nominated and the pods to evict, or why it could not help. */
public record PostFilterResult(String nominatedNode, List<Pod> victims, String message) {
    public static PostFilterResult unschedulable(String message) {
        return new PostFilterResult(null, List.of(), message);
    }

    public boolean nominated() {
        return nominatedNode != null;
    }
}
