package dev.sandtable.cli;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.Pods;
import dev.sandtable.network.Endpoint;
import dev.sandtable.network.NetworkSnapshots;
import dev.sandtable.network.WorkloadKey;
import io.fabric8.kubernetes.api.model.Pod;
import dev.sandtable.api.Ip;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.PortSpec;
import dev.sandtable.network.ServiceInfo;
import dev.sandtable.network.Workload;
import dev.sandtable.network.WorkloadView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves what --from and --to of sandtable reach name: KIND/NAMESPACE/NAME, NAMESPACE/NAME or NAME of a workload
 * (a Service with an explicit Service/ kind, or a pod by its name), the special names world and dns, or an IP address.
 */
final class ReachTargets {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("deployment", "Deployment"), Map.entry("deploy", "Deployment"), Map.entry("deployments", "Deployment"),
            Map.entry("statefulset", "StatefulSet"), Map.entry("sts", "StatefulSet"), Map.entry("statefulsets", "StatefulSet"),
            Map.entry("daemonset", "DaemonSet"), Map.entry("ds", "DaemonSet"), Map.entry("daemonsets", "DaemonSet"),
            Map.entry("replicaset", "ReplicaSet"), Map.entry("rs", "ReplicaSet"), Map.entry("pod", "Pod"), Map.entry("po", "Pod"),
            Map.entry("pods", "Pod"), Map.entry("external", "External"), Map.entry("service", "Service"), Map.entry("svc", "Service"),
            Map.entry("services", "Service"), Map.entry("job", "Job"), Map.entry("jobs", "Job"), Map.entry("cronjob", "CronJob"),
            Map.entry("cronjobs", "CronJob"), Map.entry("cj", "CronJob"));

    private ReachTargets() {
    }

    /** What a --from or --to names: some endpoints, how to call them, and the Service when one was named. */
    record Target(String label, List<Integer> endpoints, ServiceInfo service) {
    }

    /** A --port: a number or a container (or service) port name, with the protocol given after a slash, if any. */
    static PortSpec port(String text) {
        PortSpec p = PortSpec.parse(text);
        if (p == null) {
            throw new BadInputException("--port " + text + " is not a port (hint: a number, a container port name, or either with /tcp, /udp or /sctp, e.g. --port 53/udp)");
        }
        if (!p.inRange()) {
            throw new BadInputException("--port " + text + " is out of range (hint: ports are 1 to 65535)");
        }
        return p;
    }

    /** An address given as --from/--to that is no pod's, to be added to the snapshot as an external endpoint. */
    static boolean isAddress(String text) {
        return text != null && Ip.parse(text) != null;
    }

    /** A pod that has run to completion (Succeeded or Failed), and the workload it belongs to. */
    record Completed(WorkloadKey workload, String pod, String phase) {
    }

    /** The store's completed pods, which take no part in traffic but may still be named. */
    static List<Completed> completed(ObjectStore store) {
        List<Completed> out = new ArrayList<>();
        for (Pod p : store.list(Pod.class)) {
            String phase = Pods.phase(p);
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                out.add(new Completed(NetworkSnapshots.workload(store, p), p.getMetadata().getName(), phase));
            }
        }
        return out;
    }

    static Target resolve(String option, String text, NetworkSnapshot snapshot, WorkloadView view, List<Completed> completed) {
        if (text.equals("world")) {
            Workload w = view.world().orElseThrow();
            return new Target("world (" + NetworkSnapshot.WORLD_IP + ", outside the cluster)", w.endpoints(), null);
        }
        if (text.equals("dns")) {
            List<Integer> dns = snapshot.dns();
            Endpoint first = dns.isEmpty() ? null : snapshot.endpoint(dns.get(0));
            String label = first == null ? null : "dns: " + first.workload() + (first.synthetic() ? " (synthetic)" : "");
            return new Target(label + " (" + count(dns.size()) + ")", dns, null);
        }
        Ip ip = Ip.parse(text);
        if (ip != null) {
            Endpoint e = snapshot.endpoints().stream().filter(x -> ip.equals(x.ip())).findFirst().orElseThrow();
            return new Target(e.isExternal() ? e.address() + " (outside the cluster)" : "pod " + e + " (" + e.address() + ")", List.of(e.index()), null);
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 3 || List.of(parts).contains("")) {
            throw new BadInputException(option + " " + text + " is not a workload (hint: KIND/NAMESPACE/NAME, NAMESPACE/NAME or NAME, world, dns or an IP address)");
        }
        String kind = parts.length == 3 ? KINDS.get(parts[0].toLowerCase(Locale.ROOT)) : null;
        if (parts.length == 3 && kind == null) {
            throw new BadInputException(option + " " + text + ": unknown kind " + parts[0]
                    + " (hint: Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Service or External)");
        }
        String ns = parts.length >= 2 ? parts[parts.length - 2] : null;
        String name = parts[parts.length - 1];
        if ("Service".equals(kind)) {
            return service(option, text, snapshot, view, ns, name);
        }
        List<Workload> found = view.workloads().stream().filter(w -> (kind == null || w.key().kind().equals(kind))
                && (ns == null || w.key().namespace().equals(ns)) && w.key().name().equals(name)).toList();
        if (found.isEmpty() && kind == null) {
            List<ServiceInfo> services = snapshot.services().stream().filter(s -> (ns == null || s.namespace().equals(ns)) && s.name().equals(name)).toList();
            if (services.size() == 1) {
                return service(option, text, snapshot, view, services.get(0).namespace(), name);
            }
            List<Endpoint> pods = snapshot.endpoints().stream().filter(e -> !e.isExternal() && (ns == null || e.namespace().equals(ns)) && e.name().equals(name)).toList();
            if (pods.size() == 1) {
                return new Target("pod " + pods.get(0) + " (" + pods.get(0).workload() + ")", List.of(pods.get(0).index()), null);
            }
        }
        if (found.isEmpty()) {
            List<Completed> done = completed.stream().filter(c -> (kind == null || c.workload().kind().equals(kind))
                    && (ns == null || c.workload().namespace().equals(ns)) && (c.workload().name().equals(name) || kind == null && c.pod().equals(name))).toList();
            if (!done.isEmpty()) {
                Completed c = done.get(0);
                throw new BadInputException(option + " " + text + ": " + c.workload() + " has only completed pods (" + c.workload().namespace() + "/"
                        + c.pod() + " " + c.phase() + (done.size() > 1 ? ", and " + (done.size() - 1) + " more" : "")
                        + "), and completed pods take no part in traffic (hint: name a workload with running pods; " + known(view) + ")");
            }
            throw new BadInputException(option + " " + text + ": no such workload (hint: " + known(view) + ")");
        }
        if (found.size() > 1) {
            throw new BadInputException(option + " " + text + " is ambiguous: " + String.join(", ", found.stream().map(w -> w.key().qualified()).toList())
                    + " (hint: write KIND/NAMESPACE/NAME, e.g. " + found.get(0).key().qualified() + ")");
        }
        Workload w = found.get(0);
        if (!w.running()) {
            throw new BadInputException(option + " " + w.key().qualified() + " has no running pod (" + w.pendingPods()
                    + " pending), so it has no traffic (hint: sandtable run shows why its pods are pending)");
        }
        String pods = snapshot.fromTemplate().contains(w.key()) ? "no running pod: 1 representative pod from its template" : count(w.endpoints().size());
        return new Target(w.key() + " (" + pods + ")", w.endpoints(), null);
    }

    private static Target service(String option, String text, NetworkSnapshot snapshot, WorkloadView view, String ns, String name) {
        List<ServiceInfo> found = snapshot.services().stream().filter(s -> (ns == null || s.namespace().equals(ns)) && s.name().equals(name)).toList();
        if (found.isEmpty()) {
            throw new BadInputException(option + " " + text + ": no such Service (hint: services are "
                    + String.join(", ", snapshot.services().stream().limit(8).map(s -> "Service/" + s.path()).toList()) + ")");
        }
        if (found.size() > 1) {
            throw new BadInputException(option + " " + text + " is ambiguous: " + String.join(", ", found.stream().map(s -> "Service/" + s.path()).toList())
                    + " (hint: write Service/NAMESPACE/NAME)");
        }
        ServiceInfo s = found.get(0);
        List<Integer> endpoints = new ArrayList<>();
        for (Endpoint e : snapshot.endpoints()) {
            if (!e.isExternal() && e.namespace().equals(s.namespace()) && dev.sandtable.api.LabelSelectors.matchesMap(s.selector(), e.labels())) {
                endpoints.add(e.index());
            }
        }
        if (endpoints.isEmpty()) {
            throw new BadInputException(option + " Service/" + s.path() + " selects no running pod (hint: check its selector, or sandtable run for pending pods)");
        }
        return new Target("Service " + s.path() + " (" + count(endpoints.size()) + ")", endpoints, s);
    }

    private static String known(WorkloadView view) {
        List<String> names = view.workloads().stream().filter(w -> !w.isExternal()).map(w -> w.key().qualified()).toList();
        String list = String.join(", ", names.stream().limit(8).toList()) + (names.size() > 8 ? ", ... (" + names.size() + " in all)" : "");
        return "workloads are " + (names.isEmpty() ? "none" : list) + "; also world, dns, an IP address, or Service/NAMESPACE/NAME";
    }

    private static String count(int pods) {
        return pods == 1 ? "1 pod" : pods + " pods";
    }
}
