package dev.sandtable.network;

/** A port a pod's container declares (core/v1 ContainerPort, Kubernetes 1.31): what a named policy port resolves to. */
public record ContainerPort(String name, int port, Protocol protocol) {
}
