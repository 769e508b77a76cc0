package dev.sandtable.network;

import dev.sandtable.api.Ip;
import java.util.List;
import java.util.Map;

/**
 * A party to a connection in the snapshot: a running pod with its IP, labels and declared container ports, or an
 * external address (a NetworkPolicy can only reach those through ipBlocks). {@code index} is its bit in every bitset.
 */
public record Endpoint(int index, String namespace, String name, Map<String, String> labels, Ip ip, String address,
                       List<ContainerPort> ports, WorkloadKey workload, boolean synthetic) {

    public boolean isExternal() {
        return namespace.isEmpty();
    }

    public PodRef ref() {
        return new PodRef(namespace, name);
    }

    @Override
    public String toString() {
        return isExternal() ? (name.equals(address) ? address : name + " (" + address + ")") : namespace + "/" + name;
    }
}
