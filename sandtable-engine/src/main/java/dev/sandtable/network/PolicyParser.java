package dev.sandtable.network;

import dev.sandtable.api.Cidr;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a NetworkPolicy into Sandtable's model with the API server's defaulting (policyTypes) and the checks of
 * its validation (networking/validation, Kubernetes 1.31) that change what a policy means: an entry the API
 * server would refuse matches nothing here and is reported as a problem.
 */
public final class PolicyParser {
    private PolicyParser() {
    }

    public static Policy parse(NetworkPolicy np) {
        String ns = np.getMetadata().getNamespace() == null ? "default" : np.getMetadata().getNamespace();
        String name = np.getMetadata().getName();
        NetworkPolicySpec spec = np.getSpec() == null ? new NetworkPolicySpec() : np.getSpec();
        List<String> problems = new ArrayList<>();
        String selectorProblem = Selectors.problem(spec.getPodSelector());
        if (selectorProblem != null) {
            problems.add("spec.podSelector: " + selectorProblem);
        }
        List<NetworkPolicyIngressRule> ingress = spec.getIngress() == null ? List.of() : spec.getIngress();
        List<NetworkPolicyEgressRule> egress = spec.getEgress() == null ? List.of() : spec.getEgress();
        boolean isolatesIngress;
        boolean isolatesEgress;
        List<String> types = spec.getPolicyTypes();
        if (types == null || types.isEmpty()) {
            isolatesIngress = true;
            isolatesEgress = !egress.isEmpty();
        } else {
            isolatesIngress = types.contains("Ingress");
            isolatesEgress = types.contains("Egress");
            for (String t : types) {
                if (!t.equals("Ingress") && !t.equals("Egress")) {
                    problems.add("spec.policyTypes: unknown type " + t + " (Ingress or Egress)");
                }
            }
        }
        List<PolicyRule> ingressRules = new ArrayList<>();
        for (int i = 0; i < ingress.size(); i++) {
            ingressRules.add(rule(Direction.INGRESS, i, ingress.get(i).getFrom(), ingress.get(i).getPorts(), problems));
        }
        List<PolicyRule> egressRules = new ArrayList<>();
        for (int i = 0; i < egress.size(); i++) {
            egressRules.add(rule(Direction.EGRESS, i, egress.get(i).getTo(), egress.get(i).getPorts(), problems));
        }
        return new Policy(ns, name, spec.getPodSelector(), isolatesIngress, isolatesEgress, List.copyOf(ingressRules),
                List.copyOf(egressRules), List.copyOf(problems));
    }

    private static PolicyRule rule(Direction d, int index, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, List<String> problems) {
        String at = "spec." + d.field() + "[" + index + "]";
        List<PolicyPeer> outPeers = new ArrayList<>();
        if (peers != null) {
            for (int i = 0; i < peers.size(); i++) {
                outPeers.add(peer(peers.get(i), at + "." + d.peersField() + "[" + i + "]", problems));
            }
        }
        List<PolicyPort> outPorts = new ArrayList<>();
        if (ports != null) {
            for (int i = 0; i < ports.size(); i++) {
                outPorts.add(port(ports.get(i), at + ".ports[" + i + "]", problems));
            }
        }
        return new PolicyRule(d, index, List.copyOf(outPeers), List.copyOf(outPorts));
    }

    private static PolicyPeer peer(NetworkPolicyPeer p, String at, List<String> problems) {
        IPBlock block = p.getIpBlock();
        boolean selectors = p.getPodSelector() != null || p.getNamespaceSelector() != null;
        if (block != null && selectors) {
            problems.add(at + ": ipBlock cannot be combined with podSelector or namespaceSelector; this peer matches nothing");
            return new PolicyPeer(null, null, null, false);
        }
        if (block == null && !selectors) {
            problems.add(at + ": a peer needs podSelector, namespaceSelector or ipBlock; this peer matches nothing");
            return new PolicyPeer(null, null, null, false);
        }
        if (block != null) {
            Cidr cidr = Cidr.parse(block.getCidr());
            if (cidr == null) {
                problems.add(at + ".ipBlock.cidr: invalid CIDR " + block.getCidr() + "; this peer matches nothing");
                return new PolicyPeer(null, null, null, false);
            }
            List<Cidr> except = new ArrayList<>();
            if (block.getExcept() != null) {
                for (String e : block.getExcept()) {
                    Cidr c = Cidr.parse(e);
                    if (c == null || c.family() != cidr.family()) {
                        problems.add(at + ".ipBlock.except: invalid CIDR " + e + " for " + cidr + "; this peer matches nothing");
                        return new PolicyPeer(null, null, null, false);
                    }
                    except.add(c);
                }
            }
            return new PolicyPeer(null, null, new IpBlock(cidr, List.copyOf(except)), true);
        }
        for (var s : new LabelSelector[] {p.getPodSelector(), p.getNamespaceSelector()}) {
            String problem = Selectors.problem(s);
            if (problem != null) {
                problems.add(at + ": " + problem + "; this peer matches nothing");
                return new PolicyPeer(null, null, null, false);
            }
        }
        return new PolicyPeer(p.getPodSelector(), p.getNamespaceSelector(), null, true);
    }

    private static PolicyPort port(NetworkPolicyPort p, String at, List<String> problems) {
        Protocol protocol = Protocol.ofApi(p.getProtocol());
        if (protocol == null) {
            problems.add(at + ".protocol: unsupported protocol " + p.getProtocol() + " (TCP, UDP or SCTP); this entry matches nothing");
            return new PolicyPort(Protocol.TCP, null, null, null, false);
        }
        IntOrString port = p.getPort();
        Integer endPort = p.getEndPort();
        if (port == null) {
            if (endPort != null) {
                problems.add(at + ".endPort: endPort needs a numeric port; this entry matches nothing");
                return new PolicyPort(protocol, null, null, endPort, false);
            }
            return new PolicyPort(protocol, null, null, null, true);
        }
        if (port.getStrVal() != null) {
            String name = port.getStrVal();
            if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?") || !name.matches(".*[a-z].*") || name.length() > 15) {
                problems.add(at + ".port: \"" + name + "\" is neither a port number nor a valid port name; this entry matches nothing");
                return new PolicyPort(protocol, null, name, null, false);
            }
            if (endPort != null) {
                problems.add(at + ".endPort: endPort cannot be used with the named port " + name + "; this entry matches nothing");
                return new PolicyPort(protocol, null, name, endPort, false);
            }
            return new PolicyPort(protocol, null, name, null, true);
        }
        int number = port.getIntVal() == null ? 0 : port.getIntVal();
        if (number < PortSet.MIN_PORT || number > PortSet.MAX_PORT) {
            problems.add(at + ".port: " + number + " is not a port number (1-65535); this entry matches nothing");
            return new PolicyPort(protocol, number, null, endPort, false);
        }
        if (endPort != null && (endPort < number || endPort > PortSet.MAX_PORT)) {
            problems.add(at + ".endPort: " + endPort + " must be at least port " + number + " and at most 65535; this entry matches nothing");
            return new PolicyPort(protocol, number, null, endPort, false);
        }
        return new PolicyPort(protocol, number, null, endPort, true);
    }
}
