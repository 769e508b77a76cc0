package dev.sandtable.cli;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.Quantities;
import dev.sandtable.cli.load.LoadedObject;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.HpaExplanationText;
import dev.sandtable.controller.podautoscaler.AutoscalingV1;
import dev.sandtable.controller.podautoscaler.HpaExplanation;
import dev.sandtable.controller.podautoscaler.ScaleTarget;
import dev.sandtable.metrics.RecordedMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable explain hpa: one HPA decision from the HPA, its target, the target's Pods and their PodMetrics. */
@Command(name = "hpa", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compute one HorizontalPodAutoscaler decision from the objects given, as the v1.31 controller would make it at the "
                + "time of the newest PodMetrics: the target, its Pods (with status) and their metrics.k8s.io/v1beta1 PodMetrics. "
                + "Prints every step: per metric the usage, ratio and proposal; the tolerance, stabilization, rate limits, min/max, "
                + "and desiredReplicas. Nodes are not needed.",
                "Custom per-pod metrics are extra usage entries of the PodMetrics (e.g. http_requests_per_second: \"12\"); object and "
                + "external metric values are given with --object and --external."})
public final class ExplainHpaCommand implements Callable<Integer> {
    private static final Pattern EXTERNAL = Pattern.compile("([A-Za-z0-9_.:-]+)(?:\\{([^}]*)})?=(.+)");
    private static final Pattern OBJECT = Pattern.compile("([A-Za-z]+)/([a-z0-9.-]+):([A-Za-z0-9_.:-]+)=(.+)");

    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Option(names = "--name", paramLabel = "NS/NAME", description = "The HPA to explain (default: every HPA among the inputs).")
    String name;

    @Option(names = "--external", paramLabel = "METRIC[{LABEL=VALUE,...}]=VALUE",
            description = "An external metric series' current value, e.g. --external 'queue_length{queue=celery}=42'; repeatable.")
    List<String> external = new ArrayList<>();

    @Option(names = "--object", paramLabel = "KIND/NAME:METRIC=VALUE",
            description = "An object metric's current value, e.g. --object Service/web:requests_per_second=1200; repeatable.")
    List<String> object = new ArrayList<>();

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    RunCommand.OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (name != null && name.indexOf('/') <= 0) {
            throw new BadInputException("--name " + name + " must be NAMESPACE/NAME (hint: e.g. --name shop/web)");
        }
        List<RecordedMetrics.ExternalValue> externals = new ArrayList<>();
        for (String e : external) {
            Matcher m = EXTERNAL.matcher(e);
            Double v = m.matches() ? number(m.group(3)) : null;
            if (v == null) {
                throw new BadInputException("--external " + e + " is not METRIC[{LABEL=VALUE,...}]=NUMBER (hint: e.g. --external 'queue_length{queue=celery}=42')");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null && !m.group(2).isBlank()) {
                for (String kv : m.group(2).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new BadInputException("--external " + e + ": label " + kv + " is not LABEL=VALUE (hint: e.g. {queue=celery})");
                    }
                    labels.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
            }
            externals.add(new RecordedMetrics.ExternalValue(m.group(1), labels, v));
        }
        List<RecordedMetrics.ObjectValue> objects = new ArrayList<>();
        for (String o : object) {
            Matcher m = OBJECT.matcher(o);
            Double v = m.matches() ? number(m.group(4)) : null;
            if (v == null) {
                throw new BadInputException("--object " + o + " is not KIND/NAME:METRIC=NUMBER (hint: e.g. --object Service/web:requests_per_second=1200)");
            }
            objects.add(new RecordedMetrics.ObjectValue(m.group(1), m.group(2), m.group(3), v));
        }
        Manifests manifests = inputs.load(() -> System.in);
        List<PodMetrics> podMetrics = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        List<LoadedObject> hpas = new ArrayList<>();
        for (LoadedObject lo : manifests.objects()) {
            HasMetadata o = lo.object();
            if (o instanceof PodMetrics pm) {
                podMetrics.add(pm);
            } else if (o instanceof Pod p) {
                pods.add(p);
            } else if (o instanceof HorizontalPodAutoscaler || o instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler) {
                hpas.add(lo);
            }
        }
        if (name != null) {
            hpas.removeIf(lo -> !name.equals(ns(lo.object()) + "/" + lo.object().getMetadata().getName()));
        }
        if (hpas.isEmpty()) {
            throw new BadInputException(name == null ? "no HorizontalPodAutoscaler among the inputs (hint: give the HPA's manifest with its target, Pods and PodMetrics)"
                    : "--name " + name + ": no such HorizontalPodAutoscaler among the inputs (hint: NAMESPACE/NAME of an HPA in the files given)");
        }
        RecordedMetrics metrics = new RecordedMetrics(podMetrics, objects, externals);
        List<HpaExplanation> explanations = new ArrayList<>();
        for (LoadedObject lo : hpas) {
            HorizontalPodAutoscaler hpa = lo.object() instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler v1
                    ? AutoscalingV1.toV2(v1) : (HorizontalPodAutoscaler) lo.object();
            String ns = ns(hpa);
            var ref = hpa.getSpec().getScaleTargetRef();
            String id = ns + "/" + hpa.getMetadata().getName();
            if (!ScaleTarget.KINDS.contains(ref.getKind())) {
                throw new BadInputException(lo.location().format() + ": HorizontalPodAutoscaler " + id + " targets " + ref.getKind() + " " + ref.getName()
                        + ", a kind Sandtable does not simulate (hint: the HPA can scale a Deployment, StatefulSet or ReplicaSet)");
            }
            HasMetadata target = manifests.all().stream().filter(o -> ref.getKind().equals(o.getKind()) && ns.equals(ns(o))
                    && ref.getName().equals(o.getMetadata().getName())).findFirst().orElse(null);
            if (target == null) {
                throw new BadInputException(lo.location().format() + ": HorizontalPodAutoscaler " + id + " targets " + ref.getKind() + " " + ns + "/"
                        + ref.getName() + ", which is not among the inputs (hint: add the " + ref.getKind() + "'s manifest)");
            }
            var selector = ScaleTarget.of(target).selector();
            List<Pod> selected = pods.stream().filter(p -> ns.equals(ns(p)) && LabelSelectors.matches(selector, p.getMetadata().getLabels())).toList();
            explanations.add(HpaExplanation.of(hpa, target, selected, metrics));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == RunCommand.OutputFormat.json) {
            out.println(RunCommand.json(explanations.size() == 1 ? explanations.get(0) : explanations));
        } else {
            for (int i = 0; i < explanations.size(); i++) {
                out.print((i > 0 ? "\n" : "") + HpaExplanationText.render(explanations.get(i)));
            }
        }
        out.flush();
        return Main.OK;
    }

    private static String ns(HasMetadata o) {
        return o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
    }

    private static Double number(String s) {
        try {
            return Quantities.parse(s.strip()).doubleValue();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
