package dev.sandtable.network.istio;

import dev.sandtable.api.Cidr;
import dev.sandtable.api.Ip;
import dev.sandtable.api.LabelSelectors;
import dev.sandtable.network.Endpoint;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.PodRef;
import dev.sandtable.network.PortSet;
import dev.sandtable.network.Protocol;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Istio layer over NetworkPolicy (Istio 1.22 semantics, for TCP connections only, as sidecars intercept TCP):
 * at a destination with a sidecar, PeerAuthentication STRICT refuses plaintext, i.e. clients without a sidecar
 * (the most specific of workload, namespace and mesh-wide policy wins, per port); then AuthorizationPolicy DENY
 * rules that match refuse, and when ALLOW policies apply, one of their rules must match. A destination without a
 * sidecar is not enforced.
 */
public final class Mesh {
    /** Istio's root namespace: policies there without a selector apply mesh-wide. */
    public static final String ROOT_NAMESPACE = "istio-system";
    private static final PortSet TCP = PortSet.all(Protocol.TCP);
    private static final PortSet NOT_TCP = PortSet.ALL.minus(TCP);

    private final NetworkSnapshot snapshot;
    private final Map<Integer, MeshPod> pods;
    private final List<PeerAuthentication> peerAuthentications;
    private final List<AuthorizationPolicy> authorizationPolicies;

    public Mesh(NetworkSnapshot snapshot, Map<PodRef, MeshPod> pods, List<PeerAuthentication> peerAuthentications, List<AuthorizationPolicy> authorizationPolicies) {
        this.snapshot = snapshot;
        this.pods = new HashMap<>();
        pods.forEach((ref, p) -> snapshot.find(ref).ifPresent(e -> this.pods.put(e.index(), p)));
        this.peerAuthentications = peerAuthentications.stream().sorted(Comparator.comparing(PeerAuthentication::path)).toList();
        this.authorizationPolicies = authorizationPolicies.stream().sorted(Comparator.comparing(AuthorizationPolicy::path)).toList();
    }

    /** From the settled cluster's pods (service account, sidecar injection) and the loaded Istio resources. */
    public static Mesh of(NetworkSnapshot snapshot, List<Pod> pods, List<? extends HasMetadata> objects) {
        Map<PodRef, MeshPod> meshPods = new HashMap<>();
        for (Pod p : pods) {
            String ns = p.getMetadata().getNamespace();
            String sa = p.getSpec() == null || p.getSpec().getServiceAccountName() == null ? "default" : p.getSpec().getServiceAccountName();
            boolean sidecar = Sidecars.injected(snapshot.namespaces().get(ns), p.getMetadata().getLabels(), p.getMetadata().getAnnotations());
            meshPods.put(new PodRef(ns, p.getMetadata().getName()), new MeshPod(sa, sidecar));
        }
        List<PeerAuthentication> pa = new ArrayList<>();
        List<AuthorizationPolicy> ap = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (IstioParser.isPeerAuthentication(o)) {
                pa.add(IstioParser.peerAuthentication((GenericKubernetesResource) o));
            } else if (IstioParser.isAuthorizationPolicy(o)) {
                ap.add(IstioParser.authorizationPolicy((GenericKubernetesResource) o));
            }
        }
        return new Mesh(snapshot, meshPods, pa, ap);
    }

    public NetworkSnapshot snapshot() {
        return snapshot;
    }

    /** Whether Istio changes anything here: some pod has a sidecar. */
    public boolean active() {
        return pods.values().stream().anyMatch(MeshPod::sidecar);
    }

    public List<PeerAuthentication> peerAuthentications() {
        return peerAuthentications;
    }

    public List<AuthorizationPolicy> authorizationPolicies() {
        return authorizationPolicies;
    }

    public boolean sidecar(int endpoint) {
        MeshPod p = pods.get(endpoint);
        return p != null && p.sidecar();
    }

    /** The ports Istio lets the source open on the destination (everything but TCP always passes). */
    public PortSet allowed(int src, int dst) {
        if (!sidecar(dst)) {
            return PortSet.ALL;
        }
        Endpoint destination = snapshot.endpoint(dst);
        PortSet tcp = TCP;
        if (!sidecar(src)) {
            tcp = tcp.minus(strictPorts(destination).ports());
        }
        for (AuthorizationPolicy p : applicable(destination, "DENY")) {
            for (AuthorizationPolicy.Rule r : p.rules()) {
                if (sourceMatches(r, src)) {
                    tcp = tcp.minus(ports(r));
                }
            }
        }
        List<AuthorizationPolicy> allow = applicable(destination, "ALLOW");
        if (!allow.isEmpty()) {
            PortSet allowed = PortSet.NONE;
            for (AuthorizationPolicy p : allow) {
                for (AuthorizationPolicy.Rule r : p.rules()) {
                    if (sourceMatches(r, src)) {
                        allowed = allowed.union(ports(r));
                    }
                }
            }
            tcp = tcp.intersect(allowed);
        }
        return tcp.union(NOT_TCP);
    }

    /** Istio's verdict on one connection, with the resources that decided it. */
    public MeshVerdict evaluate(int src, int dst, Protocol protocol, int port) {
        if (!sidecar(dst)) {
            return new MeshVerdict(false, true, List.of("the destination has no sidecar: Istio does not enforce"));
        }
        if (protocol != Protocol.TCP) {
            return new MeshVerdict(false, true, List.of("sidecars intercept TCP only: " + protocol + " passes"));
        }
        Endpoint destination = snapshot.endpoint(dst);
        List<String> reasons = new ArrayList<>();
        Strict strict = strictPorts(destination);
        if (!sidecar(src) && strict.ports().contains(Protocol.TCP, port)) {
            return new MeshVerdict(true, false, List.of("mTLS STRICT (PeerAuthentication " + strict.decidedBy()
                    + ") refuses plaintext from a pod without a sidecar"));
        }
        reasons.add(sidecar(src) ? "mTLS: both sides have sidecars" : "plaintext accepted (mTLS " + (strict.decidedBy() == null ? "PERMISSIVE by default"
                : "not STRICT on this port, " + strict.decidedBy()) + ")");
        for (AuthorizationPolicy p : applicable(destination, "DENY")) {
            for (int i = 0; i < p.rules().size(); i++) {
                AuthorizationPolicy.Rule r = p.rules().get(i);
                if (sourceMatches(r, src) && ports(r).contains(Protocol.TCP, port)) {
                    reasons.add("denied by AuthorizationPolicy " + p.path() + " rules[" + i + "] (DENY)" + (r.unevaluated() ? ", taking its HTTP or when conditions as met" : ""));
                    return new MeshVerdict(true, false, reasons);
                }
            }
        }
        List<AuthorizationPolicy> allow = applicable(destination, "ALLOW");
        if (allow.isEmpty()) {
            reasons.add("no ALLOW AuthorizationPolicy applies");
            return new MeshVerdict(true, true, reasons);
        }
        for (AuthorizationPolicy p : allow) {
            for (int i = 0; i < p.rules().size(); i++) {
                AuthorizationPolicy.Rule r = p.rules().get(i);
                if (sourceMatches(r, src) && ports(r).contains(Protocol.TCP, port)) {
                    reasons.add("allowed by AuthorizationPolicy " + p.path() + " rules[" + i + "]" + (r.unevaluated() ? ", taking its HTTP or when conditions as met" : ""));
                    return new MeshVerdict(true, true, reasons);
                }
            }
        }
        reasons.add("no rule of the ALLOW AuthorizationPolicies " + String.join(", ", allow.stream().map(AuthorizationPolicy::path).toList()) + " matches");
        return new MeshVerdict(true, false, reasons);
    }

    private record Strict(PortSet ports, String decidedBy) {
    }

    /** The TCP ports of the destination where mTLS is STRICT, and the PeerAuthentication(s) that make it so. */
    private Strict strictPorts(Endpoint dst) {
        PeerAuthentication workload = null;
        PeerAuthentication namespace = null;
        PeerAuthentication mesh = null;
        for (PeerAuthentication p : peerAuthentications) {
            if (p.selector() != null && p.namespace().equals(dst.namespace()) && LabelSelectors.matchesMap(p.selector(), dst.labels()) && workload == null) {
                workload = p;
            } else if (p.selector() == null && p.namespace().equals(dst.namespace()) && namespace == null) {
                namespace = p;
            } else if (p.selector() == null && p.namespace().equals(ROOT_NAMESPACE) && mesh == null) {
                mesh = p;
            }
        }
        String mode = "PERMISSIVE";
        String by = null;
        for (PeerAuthentication p : new PeerAuthentication[] {mesh, namespace, workload}) {
            if (p != null && !"UNSET".equals(p.mode())) {
                mode = p.mode();
                by = p.path();
            }
        }
        PortSet strict = "STRICT".equals(mode) ? TCP : PortSet.NONE;
        if (workload != null) {
            for (Map.Entry<Integer, String> e : workload.portModes().entrySet()) {
                if ("STRICT".equals(e.getValue())) {
                    strict = strict.union(PortSet.port(Protocol.TCP, e.getKey()));
                    by = workload.path();
                } else if (!"UNSET".equals(e.getValue())) {
                    strict = strict.minus(PortSet.port(Protocol.TCP, e.getKey()));
                }
            }
        }
        return new Strict(strict, by);
    }

    /** The policies of an action that apply to the destination: its namespace's (selector matching) and the root namespace's. */
    private List<AuthorizationPolicy> applicable(Endpoint dst, String action) {
        List<AuthorizationPolicy> out = new ArrayList<>();
        for (AuthorizationPolicy p : authorizationPolicies) {
            boolean scope = p.namespace().equals(dst.namespace()) || p.namespace().equals(ROOT_NAMESPACE);
            boolean selected = p.selector() == null || LabelSelectors.matchesMap(p.selector(), dst.labels());
            if (scope && selected && action.equals(p.action())) {
                out.add(p);
            }
        }
        return out;
    }

    private static PortSet ports(AuthorizationPolicy.Rule r) {
        if (r.to().isEmpty()) {
            return TCP;
        }
        PortSet out = PortSet.NONE;
        for (AuthorizationPolicy.Operation op : r.to()) {
            PortSet p = op.ports().isEmpty() ? TCP : PortSet.NONE;
            for (int port : op.ports()) {
                p = p.union(PortSet.port(Protocol.TCP, port));
            }
            for (int port : op.notPorts()) {
                p = p.minus(PortSet.port(Protocol.TCP, port));
            }
            out = out.union(p);
        }
        return out;
    }

    private boolean sourceMatches(AuthorizationPolicy.Rule r, int src) {
        if (r.from().isEmpty()) {
            return true;
        }
        Endpoint e = snapshot.endpoint(src);
        MeshPod p = pods.get(src);
        String principal = p != null && p.sidecar() ? p.principal(e.namespace()) : null;
        String namespace = principal == null ? null : e.namespace();
        for (AuthorizationPolicy.Source s : r.from()) {
            if (matches(s.principals(), s.notPrincipals(), principal) && matches(s.namespaces(), s.notNamespaces(), namespace)
                    && ipMatches(s.ipBlocks(), s.notIpBlocks(), e.ip())) {
                return true;
            }
        }
        return false;
    }

    /** Istio's string match: exact, "*", "prefix*" or "*suffix"; an unknown value (plaintext) matches no positive list. */
    private static boolean matches(List<String> any, List<String> none, String value) {
        if (!any.isEmpty() && (value == null || any.stream().noneMatch(v -> glob(v, value)))) {
            return false;
        }
        return value == null || none.stream().noneMatch(v -> glob(v, value));
    }

    private static boolean glob(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return pattern.equals(value);
    }

    private static boolean ipMatches(List<String> any, List<String> none, Ip ip) {
        if (!any.isEmpty() && any.stream().noneMatch(b -> inBlock(b, ip))) {
            return false;
        }
        return none.stream().noneMatch(b -> inBlock(b, ip));
    }

    private static boolean inBlock(String block, Ip ip) {
        Cidr c = Cidr.parse(block.contains("/") ? block : block + (block.contains(":") ? "/128" : "/32"));
        return c != null && c.contains(ip);
    }
}
