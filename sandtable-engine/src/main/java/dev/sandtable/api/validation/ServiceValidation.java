package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** pkg/apis/core/validation ValidateService (v1.31): type, ports (numbers, names, protocols, node ports), selector and session affinity. */
final class ServiceValidation {
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    /** The API server's default --service-node-port-range, which its node-port allocator enforces on create. */
    private static final int NODE_PORT_MIN = 30000;
    private static final int NODE_PORT_MAX = 32767;

    private ServiceValidation() {
    }

    static void validate(Service svc, List<FieldError> errors) {
        ServiceSpec s = svc.getSpec();
        if (s == null) {
            return;
        }
        String type = s.getType() == null || s.getType().isEmpty() ? "ClusterIP" : s.getType();
        boolean headless = "None".equals(s.getClusterIP());
        List<ServicePort> ports = s.getPorts() == null ? List.of() : s.getPorts();
        if (!TYPES.contains(type)) {
            errors.add(FieldErrors.notSupported("spec.type", type, TYPES, "use ClusterIP, NodePort, LoadBalancer or ExternalName"));
        }
        if ("ExternalName".equals(type) && (s.getExternalName() == null || s.getExternalName().isEmpty())) {
            errors.add(FieldErrors.required("spec.externalName", "", "give the DNS name the Service points at"));
        }
        if (ports.isEmpty() && !headless && !"ExternalName".equals(type)) {
            errors.add(FieldErrors.required("spec.ports", "", "add at least one port, e.g. - port: 80"));
        }
        Set<String> names = new HashSet<>();
        Set<String> portKeys = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort p = ports.get(i);
            String at = "spec.ports[" + i + "]";
            port(p, ports.size() > 1, names, at, errors);
            String protocol = p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
            int number = p.getPort() == null ? 0 : p.getPort();
            if (!portKeys.add(protocol + "/" + number)) {
                errors.add(FieldErrors.duplicate(at, new PodSpecValidation.GoValue("core.ServicePort{Name:\"\", Protocol:" + FieldErrors.quote(protocol)
                        + ", AppProtocol:(*string)(nil), Port:" + number + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"),
                        "each port number and protocol may appear once"));
            }
            int nodePort = p.getNodePort() == null ? 0 : p.getNodePort();
            if (nodePort != 0) {
                if ("ClusterIP".equals(type)) {
                    errors.add(FieldErrors.forbidden(at + ".nodePort", "may not be used when `type` is 'ClusterIP'",
                            "remove nodePort, or use type: NodePort"));
                } else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
                    errors.add(invalid(at + ".nodePort", nodePort, "provided port is not in the valid range. The range of valid ports is "
                            + NODE_PORT_MIN + "-" + NODE_PORT_MAX, "pick a node port from 30000 to 32767, or leave it out to get one"));
                }
            }
        }
        PodSpecValidation.oneOf(s.getSessionAffinity(), "spec.sessionAffinity", List.of("ClientIP", "None"), errors);
        ObjectMetaValidation.labels(s.getSelector(), "spec.selector", errors);
    }

    private static void port(ServicePort p, boolean requireName, Set<String> names, String at, List<FieldError> errors) {
        String name = p.getName() == null ? "" : p.getName();
        if (requireName && name.isEmpty()) {
            errors.add(FieldErrors.required(at + ".name", "", "a Service with several ports names each of them, e.g. http, grpc"));
        } else if (!name.isEmpty()) {
            List<String> msgs = NameValidation.portName(name);
            for (String msg : msgs) {
                errors.add(invalid(at + ".name", name, msg, "a port name is at most 15 lower-case letters, digits and '-', e.g. http"));
            }
            if (msgs.isEmpty() && !names.add(name)) {
                errors.add(FieldErrors.duplicate(at + ".name", name, "give each port of the Service its own name"));
            }
        }
        int number = p.getPort() == null ? 0 : p.getPort();
        for (String msg : NameValidation.portNum(number)) {
            errors.add(invalid(at + ".port", number, msg, "ports are numbered 1 to 65535"));
        }
        PodSpecValidation.oneOf(p.getProtocol(), at + ".protocol", PROTOCOLS, errors);
        portNumOrName(p.getTargetPort(), at + ".targetPort", errors);
    }

    /** core validation ValidatePortNumOrName; an unset or zero targetPort defaults to port. */
    static void portNumOrName(IntOrString port, String path, List<FieldError> errors) {
        if (port == null) {
            return;
        }
        if (port.getStrVal() != null) {
            if (!port.getStrVal().isEmpty()) {
                for (String msg : NameValidation.portName(port.getStrVal())) {
                    errors.add(invalid(path, port.getStrVal(), msg, "name a container port (at most 15 lower-case letters, digits and '-'), or give its number"));
                }
            }
        } else if (port.getIntVal() != null && port.getIntVal() != 0) {
            for (String msg : NameValidation.portNum(port.getIntVal())) {
                errors.add(invalid(path, port.getIntVal(), msg, "ports are numbered 1 to 65535"));
            }
        }
    }
}
