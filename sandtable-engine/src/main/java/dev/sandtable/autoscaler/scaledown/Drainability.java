package dev.sandtable.autoscaler.scaledown;

/**
 * What a drain would do with a pod (cluster-autoscaler 1.31 simulator/drainability): move it, leave it (mirror and
 * long-terminating pods), or refuse the node's removal for a named reason.
 */
public record Drainability(Outcome outcome, BlockingReason reason, String detail) {
    public enum Outcome { UNDEFINED, DRAIN, SKIP, BLOCK }

    /** drain.BlockingPodReason, with upstream's names. */
    public enum BlockingReason {
        NONE, CONTROLLER_NOT_FOUND, MIN_REPLICAS_REACHED, NOT_REPLICATED, LOCAL_STORAGE_REQUESTED, NOT_SAFE_TO_EVICT_ANNOTATION,
        UNMOVABLE_KUBE_SYSTEM_POD, NOT_ENOUGH_PDB, UNEXPECTED_ERROR
    }

    static final Drainability UNDEFINED = new Drainability(Outcome.UNDEFINED, BlockingReason.NONE, "");
    static final Drainability DRAIN = new Drainability(Outcome.DRAIN, BlockingReason.NONE, "");
    static final Drainability SKIP = new Drainability(Outcome.SKIP, BlockingReason.NONE, "");

    static Drainability block(BlockingReason reason, String detail) {
        return new Drainability(Outcome.BLOCK, reason, detail);
    }

    public boolean blocks() {
        return outcome == Outcome.BLOCK;
    }
}
