package dev.sandtable.cluster;

/** CPU, memory and pod slots of a node, as the kubelet reports them in Node.status capacity or allocatable. */
public record NodeResources(long cpuMillis, long memoryBytes, int pods) {
    public NodeResources {
        if (cpuMillis < 0 || memoryBytes < 0 || pods < 0) {
            throw new IllegalArgumentException("node resources must not be negative: cpu=" + cpuMillis
                    + "m memory=" + memoryBytes + " pods=" + pods);
        }
    }
}
