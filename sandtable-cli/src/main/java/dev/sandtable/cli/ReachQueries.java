package dev.sandtable.cli;

import dev.sandtable.cli.ReachTargets.Target;
import dev.sandtable.cli.report.ReachQuery;
import dev.sandtable.network.ContainerPort;
import dev.sandtable.network.Endpoint;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.PairVerdict;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.PortSet;
import dev.sandtable.network.PortSpec;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.ServiceInfo;
import dev.sandtable.network.ServiceRoutes;
import dev.sandtable.network.istio.Mesh;
import dev.sandtable.network.istio.MeshVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Answers one reach question: every pod pair of --from and --to (through a Service's endpoints and target ports when --to is one). */
final class ReachQueries {
    private ReachQueries() {
    }

    /** One connection to judge: source and destination endpoints, and the port (null: every port). */
    private record Attempt(int src, int dst, Protocol protocol, Integer port, String via) {
    }

    private record Outcome(boolean allowed, List<String> ports) {
    }

    static ReachQuery query(String version, PolicyEngine engine, Mesh mesh, Target from, Target to, PortSpec port) {
        NetworkSnapshot s = engine.snapshot();
        boolean synthetic = Stream.concat(from.endpoints().stream(), to.endpoints().stream())
                .anyMatch(i -> s.endpoint(i).synthetic() && !s.endpoint(i).isExternal());
        List<String> notes = new ArrayList<>(synthetic ? s.notes() : List.of());
        List<Attempt> attempts = to.service() != null ? throughService(s, from, to.service(), port) : direct(s, from, to, port, notes);
        Map<Outcome, List<ReachQuery.PairExplanation>> byOutcome = new LinkedHashMap<>();
        PortSet allowedPorts = PortSet.NONE;
        int allowedPairs = 0;
        for (Attempt a : attempts) {
            PairVerdict v = engine.analyse(a.src(), a.dst());
            PortSet meshPorts = mesh == null ? PortSet.ALL : mesh.allowed(a.src(), a.dst());
            PortSet both = v.allowed().intersect(meshPorts);
            PortSet ports = a.port() == null ? both
                    : both.contains(a.protocol(), a.port()) ? PortSet.port(a.protocol(), a.port()) : PortSet.NONE;
            String connection = a.port() != null ? a.protocol() + " " + a.port() : ports.isEmpty() ? "every port" : ports.toString();
            ReachQuery.PairExplanation e = new ReachQuery.PairExplanation(v.from(), v.to(), a.via(), connection, !ports.isEmpty(),
                    ports.isEmpty() ? List.of() : ports.describe(), ReachQuery.Side.of(v.egress(), a.protocol(), a.port()),
                    ReachQuery.Side.of(v.ingress(), a.protocol(), a.port()), meshSide(mesh, a, meshPorts), 0);
            allowedPorts = allowedPorts.union(ports);
            allowedPairs += ports.isEmpty() ? 0 : 1;
            byOutcome.computeIfAbsent(new Outcome(e.allowed(), e.allowedPorts()), k -> new ArrayList<>()).add(e);
        }
        List<ReachQuery.PairExplanation> explanations = new ArrayList<>();
        byOutcome.values().forEach(list -> {
            ReachQuery.PairExplanation first = list.get(0);
            explanations.add(new ReachQuery.PairExplanation(first.from(), first.to(), first.via(), first.connection(), first.allowed(), first.allowedPorts(),
                    first.egress(), first.ingress(), first.mesh(), list.size() - 1));
        });
        String verdict = allowedPairs == attempts.size() ? "allowed" : allowedPairs == 0 ? "denied" : "partial";
        String portLabel = port == null ? null : to.service() != null ? "Service port " + port.text() : port.toString();
        return new ReachQuery(version, from.label(), to.label(), portLabel, verdict, attempts.size(), allowedPairs,
                allowedPorts.isEmpty() ? List.of() : allowedPorts.describe(), explanations, notes);
    }

    private static ReachQuery.MeshSide meshSide(Mesh mesh, Attempt a, PortSet meshPorts) {
        if (mesh == null) {
            return null;
        }
        if (a.port() != null) {
            MeshVerdict v = mesh.evaluate(a.src(), a.dst(), a.protocol(), a.port());
            return new ReachQuery.MeshSide(v.applies(), v.allowed(), v.reasons());
        }
        if (!mesh.sidecar(a.dst())) {
            return new ReachQuery.MeshSide(false, true, List.of("the destination has no sidecar: Istio does not enforce"));
        }
        return new ReachQuery.MeshSide(true, !meshPorts.isEmpty(), List.of("the destination's sidecar lets through " + meshPorts
                + (mesh.sidecar(a.src()) ? " (mTLS)" : " (plaintext: the source has no sidecar)")));
    }

    private static List<Attempt> throughService(NetworkSnapshot s, Target from, ServiceInfo service, PortSpec port) {
        List<ServiceRoutes.Route> routes = ServiceRoutes.routes(s, service, port == null ? null : port.text());
        if (port != null && port.protocol() != null) {
            routes = routes.stream().filter(r -> r.protocol() == port.protocol()).toList();
        }
        if (routes.isEmpty()) {
            List<String> ports = service.ports().stream().map(p -> p.port() + "/" + p.protocol() + (p.name() == null ? "" : " (" + p.name() + ")")).toList();
            throw new BadInputException("Service " + service.path() + (port == null ? " routes to no running pod's port" : " has no port " + port.text())
                    + " (hint: its ports are " + (ports.isEmpty() ? "none" : String.join(", ", ports)) + ")");
        }
        List<Attempt> out = new ArrayList<>();
        for (int src : from.endpoints()) {
            for (ServiceRoutes.Route r : routes) {
                if (src != r.endpoint()) {
                    out.add(new Attempt(src, r.endpoint(), r.protocol(), r.targetPort(),
                            "via Service " + service.path() + " port " + r.servicePort().port() + " to target port " + r.targetPort()));
                }
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException("--from and --to are the same single pod (hint: pick two different workloads)");
        }
        return out;
    }

    private static List<Attempt> direct(NetworkSnapshot s, Target from, Target to, PortSpec port, List<String> notes) {
        List<Attempt> out = new ArrayList<>();
        int withoutName = 0;
        for (int dst : to.endpoints()) {
            Protocol protocol = port == null ? null : port.protocolOrTcp();
            Integer number = port == null ? null : port.number();
            if (port != null && port.name() != null) {
                number = named(s.endpoint(dst), port);
                if (number == null) {
                    withoutName++;
                    continue;
                }
            }
            for (int src : from.endpoints()) {
                if (src != dst || (from.endpoints().size() == 1 && to.endpoints().size() == 1)) {
                    out.add(new Attempt(src, dst, protocol, number, null));
                }
            }
        }
        if (port != null && port.name() != null && withoutName == to.endpoints().size()) {
            List<String> declared = new ArrayList<>();
            for (ContainerPort c : s.endpoint(to.endpoints().get(0)).ports()) {
                declared.add((c.name() == null ? "(unnamed)" : c.name()) + " " + c.port() + "/" + c.protocol());
            }
            throw new BadInputException("--port " + port.text() + ": no pod of " + to.label() + " declares a " + port.protocolOrTcp() + " port named " + port.name()
                    + " (hint: its container ports are " + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
        }
        if (withoutName > 0) {
            notes.add(withoutName + " pod(s) of " + to.label() + " declare no " + port.protocolOrTcp() + " port named " + port.name() + " and are left out");
        }
        return out;
    }

    private static Integer named(Endpoint e, PortSpec port) {
        for (ContainerPort c : e.ports()) {
            if (port.name().equals(c.name()) && c.protocol() == port.protocolOrTcp()) {
                return c.port();
            }
        }
        return null;
    }
}
