package dev.sandtable.network;

import java.util.List;
import java.util.Map;

/** A Service's selector and ports (core/v1 Service, Kubernetes 1.31): the traffic it receives goes to the ready pods it selects. */
public record ServiceInfo(String namespace, String name, Map<String, String> selector, List<Port> ports) {

    /** A service port: clients connect to {@code port}; the endpoint pod receives on {@code targetPort} (a number or a container port name). */
    public record Port(String name, int port, Protocol protocol, String targetPort) {
    }

    public String path() {
        return namespace + "/" + name;
    }
}
