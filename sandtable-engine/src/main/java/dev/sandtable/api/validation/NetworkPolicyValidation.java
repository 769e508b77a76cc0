package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;

import dev.sandtable.api.Cidr;
import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.List;

/** pkg/apis/networking/validation ValidateNetworkPolicySpec (v1.31): selectors, ports and port ranges, peers, ipBlocks, policyTypes. */
final class NetworkPolicyValidation {
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final String INVALID_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private NetworkPolicyValidation() {
    }

    static void validate(NetworkPolicy np, List<FieldError> errors) {
        NetworkPolicySpec s = np.getSpec();
        if (s == null) {
            return;
        }
        LabelSelectorValidation.validate(s.getPodSelector(), "spec.podSelector", errors);
        if (s.getIngress() != null) {
            for (int i = 0; i < s.getIngress().size(); i++) {
                var rule = s.getIngress().get(i);
                ports(rule.getPorts(), "spec.ingress[" + i + "].ports", errors);
                peers(rule.getFrom(), "spec.ingress[" + i + "].from", errors);
            }
        }
        if (s.getEgress() != null) {
            for (int i = 0; i < s.getEgress().size(); i++) {
                var rule = s.getEgress().get(i);
                ports(rule.getPorts(), "spec.egress[" + i + "].ports", errors);
                peers(rule.getTo(), "spec.egress[" + i + "].to", errors);
            }
        }
        List<String> types = s.getPolicyTypes() == null ? List.of() : s.getPolicyTypes();
        for (int i = 0; i < types.size(); i++) {
            if (!List.of("Ingress", "Egress").contains(types.get(i))) {
                errors.add(FieldErrors.notSupported("spec.policyTypes[" + i + "]", types.get(i), List.of("Ingress", "Egress"), "use Ingress or Egress"));
            }
        }
        if (types.size() > 2) {
            errors.add(invalid("spec.policyTypes", new PodSpecValidation.GoValue("[]networking.PolicyType{" + String.join(", ",
                    types.stream().map(FieldErrors::quote).toList()) + "}"), "may not specify more than two policyTypes", "list Ingress and Egress at most once each"));
        }
    }

    private static void ports(List<NetworkPolicyPort> ports, String path, List<FieldError> errors) {
        if (ports == null) {
            return;
        }
        for (int i = 0; i < ports.size(); i++) {
            NetworkPolicyPort p = ports.get(i);
            String at = path + "[" + i + "]";
            if (p.getProtocol() != null && !PROTOCOLS.contains(p.getProtocol())) {
                errors.add(FieldErrors.notSupported(at + ".protocol", p.getProtocol(), PROTOCOLS, "use TCP, UDP or SCTP"));
            }
            IntOrString port = p.getPort();
            if (port != null) {
                if (port.getStrVal() != null) {
                    for (String msg : NameValidation.portName(port.getStrVal())) {
                        errors.add(invalid(at + ".port", port.getStrVal(), msg, "name a container port, or give its number"));
                    }
                    if (p.getEndPort() != null) {
                        errors.add(FieldErrors.forbidden(at + ".endPort", "may not be specified when `port` is non-numeric",
                                "give port as a number to use a range"));
                    }
                } else {
                    int n = port.getIntVal() == null ? 0 : port.getIntVal();
                    for (String msg : NameValidation.portNum(n)) {
                        errors.add(invalid(at + ".port", n, msg, "ports are numbered 1 to 65535"));
                    }
                    if (p.getEndPort() != null && p.getEndPort() < n) {
                        errors.add(invalid(at + ".endPort", p.getEndPort(), "must be greater than or equal to `port`", "make endPort at least port"));
                    }
                }
            } else if (p.getEndPort() != null) {
                errors.add(FieldErrors.required(at + ".port", "must be specified when `endPort` is specified", "give the first port of the range"));
            }
        }
    }

    private static void peers(List<NetworkPolicyPeer> peers, String path, List<FieldError> errors) {
        if (peers == null) {
            return;
        }
        for (int i = 0; i < peers.size(); i++) {
            NetworkPolicyPeer peer = peers.get(i);
            String at = path + "[" + i + "]";
            int count = 0;
            if (peer.getPodSelector() != null) {
                count++;
                LabelSelectorValidation.validate(peer.getPodSelector(), at + ".podSelector", errors);
            }
            if (peer.getNamespaceSelector() != null) {
                count++;
                LabelSelectorValidation.validate(peer.getNamespaceSelector(), at + ".namespaceSelector", errors);
            }
            if (peer.getIpBlock() != null) {
                count++;
                ipBlock(peer.getIpBlock(), at + ".ipBlock", errors);
            }
            if (count == 0) {
                errors.add(FieldErrors.required(at, "must specify a peer", "give podSelector, namespaceSelector or ipBlock"));
            } else if (count > 1 && peer.getIpBlock() != null) {
                errors.add(FieldErrors.forbidden(at, "may not specify both ipBlock and another peer", "put the ipBlock in a peer of its own"));
            }
        }
    }

    private static void ipBlock(IPBlock block, String path, List<FieldError> errors) {
        String cidr = block.getCidr() == null ? "" : block.getCidr();
        if (cidr.isEmpty()) {
            errors.add(FieldErrors.required(path + ".cidr", "", "give a CIDR, e.g. 10.0.0.0/8"));
            return;
        }
        Cidr outer = Cidr.parse(cidr);
        if (outer == null) {
            errors.add(invalid(path + ".cidr", cidr, INVALID_CIDR, "write a CIDR such as 10.0.0.0/8"));
            return;
        }
        List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
        for (int i = 0; i < except.size(); i++) {
            String at = path + ".except[" + i + "]";
            Cidr inner = Cidr.parse(except.get(i));
            if (inner == null) {
                errors.add(invalid(at, except.get(i), INVALID_CIDR, "write a CIDR such as 10.1.0.0/16"));
            } else if (!outer.strictlyContains(inner)) {
                errors.add(invalid(at, except.get(i), "must be a strict subset of `cidr`", "except only ranges inside cidr, smaller than it"));
            }
        }
    }
}
