package dev.sandtable.network;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gaps policy checkers warn about, judged by labels alone as NetworkPolicy selection is (networking.k8s.io/v1,
 * Kubernetes 1.31): a workload that no policy selects in a namespace that has policies (its pods stay open), a
 * policy that selects nothing, and policy entries the API server would refuse.
 */
public final class PolicyCoverage {
    private PolicyCoverage() {
    }

    /** Something whose pods carry these labels: a workload's pod template, or a workload's running pods. */
    public record Subject(String kind, String namespace, String name, Map<String, String> labels) {
    }

    /** A warning about one object, named by kind, namespace and name. */
    public record Warning(String kind, String namespace, String name, String message) {
        @Override
        public String toString() {
            return kind + " " + namespace + "/" + name + ": " + message;
        }
    }

    /** From loaded manifests, before any simulation: the pod templates of workloads and bare pods. */
    public static List<Warning> ofManifests(List<? extends HasMetadata> objects) {
        List<Policy> policies = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        for (HasMetadata o : objects) {
            String ns = o instanceof Namespaced && o.getMetadata().getNamespace() != null ? o.getMetadata().getNamespace() : "default";
            if (o instanceof NetworkPolicy np) {
                policies.add(PolicyParser.parse(np));
            }
            PodTemplateSpec template = switch (o) {
                case Deployment d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
                case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getTemplate();
                case DaemonSet d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
                case ReplicaSet r -> r.getSpec() == null ? null : r.getSpec().getTemplate();
                case Job j -> j.getSpec() == null ? null : j.getSpec().getTemplate();
                case CronJob c -> c.getSpec() == null || c.getSpec().getJobTemplate() == null || c.getSpec().getJobTemplate().getSpec() == null
                        ? null : c.getSpec().getJobTemplate().getSpec().getTemplate();
                default -> null;
            };
            if (template != null) {
                Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
                subjects.add(new Subject(o.getKind(), ns, o.getMetadata().getName(), labels == null ? Map.of() : labels));
            } else if (o instanceof Pod p) {
                subjects.add(new Subject("Pod", ns, p.getMetadata().getName(), p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels()));
            }
        }
        return of(policies, subjects);
    }

    /** From a settled cluster: each workload by the labels of its pods. */
    public static List<Warning> of(NetworkSnapshot snapshot, WorkloadView view) {
        List<Subject> subjects = new ArrayList<>();
        for (Workload w : view.workloads()) {
            if (!w.isExternal() && !w.key().namespace().isEmpty()) {
                subjects.add(new Subject(w.key().kind(), w.key().namespace(), w.key().name(), w.labels()));
            }
        }
        return of(snapshot.policies(), subjects);
    }

    public static List<Warning> of(List<Policy> policies, List<Subject> subjects) {
        Map<String, List<Policy>> byNamespace = new TreeMap<>();
        policies.forEach(p -> byNamespace.computeIfAbsent(p.namespace(), n -> new ArrayList<>()).add(p));
        List<Warning> out = new ArrayList<>();
        for (Policy p : policies) {
            for (String problem : p.problems()) {
                out.add(new Warning("NetworkPolicy", p.namespace(), p.name(), problem));
            }
        }
        for (Subject s : subjects) {
            List<Policy> here = byNamespace.get(s.namespace());
            if (here != null && here.stream().noneMatch(p -> Selectors.matches(p.podSelector(), s.labels()))) {
                out.add(new Warning(s.kind(), s.namespace(), s.name(), "selected by none of the " + here.size() + " NetworkPolicies in namespace "
                        + s.namespace() + ", so its pods accept and open every connection (hint: add it to a policy, or add a default-deny policy with podSelector: {})"));
            }
        }
        for (Policy p : policies) {
            boolean selectsSomething = subjects.stream().anyMatch(s -> s.namespace().equals(p.namespace()) && Selectors.matches(p.podSelector(), s.labels()));
            if (!selectsSomething) {
                out.add(new Warning("NetworkPolicy", p.namespace(), p.name(), "selects no pod: podSelector " + Selectors.describe(p.podSelector())
                        + " matches no workload in namespace " + p.namespace() + " (hint: check the labels; a policy selects pods of its own namespace only)"));
            }
        }
        return out;
    }
}
