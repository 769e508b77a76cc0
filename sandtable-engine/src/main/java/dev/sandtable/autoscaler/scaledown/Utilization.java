package dev.sandtable.autoscaler.scaledown;

import dev.sandtable.api.Pods;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;

/**
 * A node's utilisation as cluster-autoscaler 1.31 measures it (simulator/utilization): the pods' requests over the
 * node's allocatable, for CPU and memory, the higher of the two deciding; DaemonSet pods left out when asked.
 */
public record Utilization(double cpu, double memory, double utilization, String resource) {

    public static Utilization of(NodeInfo node, boolean ignoreDaemonSets) {
        long cpu = node.requestedCpu();
        long memory = node.requestedMemory();
        if (ignoreDaemonSets) {
            for (PodInfo p : node.pods()) {
                var c = Pods.controllerOf(p.pod());
                if (c != null && "DaemonSet".equals(c.getKind())) {
                    cpu -= p.requests().cpuMillis();
                    memory -= p.requests().memoryBytes();
                }
            }
        }
        double cpuShare = node.allocatable().cpuMillis() == 0 ? 0 : (double) cpu / node.allocatable().cpuMillis();
        double memShare = node.allocatable().memoryBytes() == 0 ? 0 : (double) memory / node.allocatable().memoryBytes();
        return cpuShare > memShare ? new Utilization(cpuShare, memShare, cpuShare, "cpu") : new Utilization(cpuShare, memShare, memShare, "memory");
    }
}
