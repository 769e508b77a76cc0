package dev.sandtable.autoscaler.scaledown;

/** Why a node is kept (cluster-autoscaler 1.31 simulator.UnremovableReason), with the words the explanation uses. */
public enum UnremovableReason {
    SCALE_DOWN_DISABLED_ANNOTATION("annotated cluster-autoscaler.kubernetes.io/scale-down-disabled=true"),
    NOT_AUTOSCALED("its pool does not autoscale"),
    NOT_UNNEEDED_LONG_ENOUGH("unneeded, but not for long enough yet"),
    NOT_UNREADY_LONG_ENOUGH("unready, but not for long enough yet"),
    NODE_GROUP_MIN_SIZE_REACHED("its pool is at its minimum size"),
    CURRENTLY_BEING_DELETED("it is being deleted"),
    NOT_UNDERUTILIZED("requests are at or above the scale-down utilization threshold"),
    RECENTLY_UNREMOVABLE("found unremovable recently; rechecked after unremovable-node-recheck-timeout"),
    BLOCKED_BY_POD("a pod blocks its removal"),
    NO_PLACE_TO_MOVE_PODS("its pods would not fit on the other nodes"),
    SCALE_DOWN_UNREADY_DISABLED("it is unready and scale-down-unready-enabled is false"),
    SCALE_DOWN_IN_COOLDOWN("scale-down is in cool-down");

    private final String text;

    UnremovableReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
