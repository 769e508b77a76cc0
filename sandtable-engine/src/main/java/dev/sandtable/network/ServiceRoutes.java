package dev.sandtable.network;

import dev.sandtable.api.LabelSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where traffic to a Service goes (the endpoints controller and kube-proxy, Kubernetes 1.31): to each running pod
 * its selector matches in its namespace, on the service port's targetPort, a number or a container port name
 * looked up per pod. NetworkPolicy then judges the pod-to-pod connection after that translation.
 */
public final class ServiceRoutes {
    private ServiceRoutes() {
    }

    /** One backend of a service port: the pod and the port it receives on. */
    public record Route(int endpoint, ServiceInfo.Port servicePort, Protocol protocol, int targetPort) {
    }

    public static Optional<ServiceInfo> find(NetworkSnapshot snapshot, String namespace, String name) {
        return snapshot.services().stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name)).findFirst();
    }

    /** The backends of one service port (named by number or name), or of every service port when {@code port} is null. */
    public static List<Route> routes(NetworkSnapshot snapshot, ServiceInfo service, String port) {
        List<Route> out = new ArrayList<>();
        for (ServiceInfo.Port sp : service.ports()) {
            if (port != null && !port.equals(Integer.toString(sp.port())) && !port.equals(sp.name())) {
                continue;
            }
            for (Endpoint e : snapshot.endpoints()) {
                if (e.isExternal() || !e.namespace().equals(service.namespace()) || !LabelSelectors.matchesMap(service.selector(), e.labels())) {
                    continue;
                }
                Integer target = targetPort(sp, e);
                if (target != null) {
                    out.add(new Route(e.index(), sp, sp.protocol(), target));
                }
            }
        }
        return out;
    }

    private static Integer targetPort(ServiceInfo.Port sp, Endpoint e) {
        String t = sp.targetPort();
        if (t == null) {
            return sp.port();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(t);
        }
        for (ContainerPort c : e.ports()) {
            if (t.equals(c.name()) && c.protocol() == sp.protocol()) {
                return c.port();
            }
        }
        return null;
    }
}
