package dev.sandtable.scheduler.framework;

/** The Filter extension point: may this pod run on this node? */
public interface FilterPlugin extends Plugin {
    Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
