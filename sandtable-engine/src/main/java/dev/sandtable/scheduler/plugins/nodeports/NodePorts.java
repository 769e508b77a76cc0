package dev.sandtable.scheduler.plugins.nodeports;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PreFilterPlugin;
import dev.sandtable.scheduler.framework.Status;
import java.util.List;

/** Mirrors kube-scheduler v1.31 plugins/nodeports: a host port may be claimed once per protocol and address. */
public final class NodePorts implements PreFilterPlugin, FilterPlugin {
    public static final String NAME = "NodePorts";
    public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return NAME;
    }

    /** A pod without host ports cannot conflict, so its Filter is skipped. */
    @Override
    public Status preFilter(CycleState state, PodInfo pod, List<NodeInfo> allNodes) {
        return pod.hostPorts().isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        for (PodInfo.HostPort wanted : pod.hostPorts()) {
            for (PodInfo.HostPort used : node.usedPorts()) {
                if (wanted.conflicts(used)) {
                    return Status.unschedulable(NAME, ERR_REASON);
                }
            }
        }
        return Status.SUCCESS;
    }
}
