package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.ValidationRows.row;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of pkg/apis/policy/validation's TestValidatePodDisruptionBudgetSpec and TestValidateMinAvailablePodDisruptionBudgetSpec,
 * pkg/apis/autoscaling/validation's TestValidateHorizontalPodAutoscaler and pkg/apis/scheduling/validation's
 * TestValidatePriorityClass (v1.31).
 */
class PolicyAutoscalingSchedulingValidationTest {
    private static String pdb(String spec) {
        return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec:\n  selector: {matchLabels: {app: a}}\n" + spec;
    }

    private static String hpa(String spec) {
        return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n" + spec;
    }

    private static final String TARGET = "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";

    private static String priorityClass(String name, long value) {
        return "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: " + name + "}\nvalue: " + value + "\n";
    }

    static Stream<Arguments> rows() {
        Stream<Arguments> minAvailableGood = Stream.of("0%", "1%", "100%", "0", "1", "100").map(v ->
                row("PDB minAvailable " + v, PodDisruptionBudget.class, pdb("  minAvailable: " + (v.endsWith("%") ? "'" + v + "'" : v) + "\n"), null));
        Stream<Arguments> minAvailableBad = Stream.of(
                row("PDB minAvailable 1.1%", PodDisruptionBudget.class, pdb("  minAvailable: '1.1%'\n"),
                        "spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"1.1%\"}: must be an integer or percentage (e.g '5%')"),
                row("PDB minAvailable nope", PodDisruptionBudget.class, pdb("  minAvailable: nope\n"),
                        "spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"nope\"}: must be an integer or percentage"),
                row("PDB minAvailable -1%", PodDisruptionBudget.class, pdb("  minAvailable: '-1%'\n"),
                        "spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"-1%\"}: must be an integer or percentage"),
                row("PDB minAvailable 101%", PodDisruptionBudget.class, pdb("  minAvailable: '101%'\n"),
                        "spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not be greater than 100%"),
                row("PDB minAvailable -1", PodDisruptionBudget.class, pdb("  minAvailable: -1\n"),
                        "spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"),
                row("PDB minAvailable and maxUnavailable", PodDisruptionBudget.class, pdb("  minAvailable: '10%'\n  maxUnavailable: 1\n"),
                        "spec: Invalid value: policy.PodDisruptionBudgetSpec{"),
                row("PDB minAvailable 0% and maxUnavailable 10%", PodDisruptionBudget.class, pdb("  minAvailable: '0%'\n  maxUnavailable: '10%'\n"),
                        "spec: Invalid value: policy.PodDisruptionBudgetSpec{"),
                row("PDB unknown unhealthyPodEvictionPolicy", PodDisruptionBudget.class, pdb("  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: Never\n"),
                        "spec.unhealthyPodEvictionPolicy: Unsupported value: \"Never\": supported values: \"AlwaysAllow\", \"IfHealthyBudget\""));
        Stream<Arguments> hpaRows = Stream.of(
                row("a valid HPA", HorizontalPodAutoscaler.class, hpa(TARGET + "  minReplicas: 1\n  maxReplicas: 5\n  metrics: [{type: Resource,"
                        + " resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]\n"), null),
                row("HPA: scaleTargetRef without kind", HorizontalPodAutoscaler.class,
                        hpa("  scaleTargetRef: {name: web}\n  maxReplicas: 5\n"), "spec.scaleTargetRef.kind: Required value"),
                row("HPA: scaleTargetRef without name", HorizontalPodAutoscaler.class,
                        hpa("  scaleTargetRef: {kind: Deployment}\n  maxReplicas: 5\n"), "spec.scaleTargetRef.name: Required value"),
                row("HPA: scaleTargetRef kind with a slash", HorizontalPodAutoscaler.class,
                        hpa("  scaleTargetRef: {kind: ..//, name: web}\n  maxReplicas: 5\n"),
                        "spec.scaleTargetRef.kind: Invalid value: \"..//\": may not contain '/'"),
                row("HPA: minReplicas 0", HorizontalPodAutoscaler.class, hpa(TARGET + "  minReplicas: 0\n  maxReplicas: 5\n"),
                        "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1"),
                row("HPA: maxReplicas 0", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 0\n"),
                        "spec.maxReplicas: Invalid value: 0: must be greater than 0"),
                row("HPA: maxReplicas below minReplicas", HorizontalPodAutoscaler.class, hpa(TARGET + "  minReplicas: 7\n  maxReplicas: 5\n"),
                        "spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`"),
                row("HPA: resource metric without a name", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Resource,"
                        + " resource: {target: {type: Utilization, averageUtilization: 70}}}]\n"),
                        "spec.metrics[0].resource.name: Required value: must specify a resource name"),
                row("HPA: resource metric without a target value", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Resource,"
                        + " resource: {name: cpu, target: {type: Utilization}}}]\n"),
                        "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization"),
                row("HPA: negative utilization", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Resource,"
                        + " resource: {name: cpu, target: {type: Utilization, averageUtilization: -10}}}]\n"),
                        "spec.metrics[0].resource.target.averageUtilization: Invalid value: -10: must be greater than 0"),
                row("HPA: both utilization and value", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Resource,"
                        + " resource: {name: cpu, target: {type: Utilization, averageUtilization: 70, averageValue: 100m}}}]\n"),
                        "spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization"),
                row("HPA: Resource metric without resource", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Resource}]\n"),
                        "spec.metrics[0].resource: Required value: must populate information for the given metric source"),
                row("HPA: unknown metric type", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  metrics: [{type: Cpu}]\n"),
                        "spec.metrics[0].type: Unsupported value: \"Cpu\": supported values: \"ContainerResource\", \"External\", \"Object\", \"Pods\", \"Resource\""),
                row("HPA: scaling policy value 0", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  behavior: {scaleUp: {policies:"
                        + " [{type: Pods, value: 0, periodSeconds: 60}]}}\n"),
                        "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero"),
                row("HPA: scaling policy period above 1800", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  behavior: {scaleDown: {policies:"
                        + " [{type: Percent, value: 10, periodSeconds: 1801}]}}\n"),
                        "spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800"),
                row("HPA: stabilization window above 3600", HorizontalPodAutoscaler.class, hpa(TARGET + "  maxReplicas: 5\n  behavior: {scaleDown:"
                        + " {stabilizationWindowSeconds: 3601}}\n"),
                        "spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600"));
        Stream<Arguments> priorityRows = Stream.of(
                row("a valid PriorityClass", PriorityClass.class, priorityClass("tier1", 100), null),
                row("the system class system-node-critical", PriorityClass.class, priorityClass("system-node-critical", 2_000_001_000L), null),
                row("a system- name that is not a system class", PriorityClass.class, priorityClass("system-foo", 100),
                        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only."),
                row("a user value above one billion", PriorityClass.class, priorityClass("tier1", 1_000_000_001L),
                        "value: Forbidden: maximum allowed value of a user defined priority is 1000000000"),
                row("an unknown preemptionPolicy", PriorityClass.class, priorityClass("tier1", 100) + "preemptionPolicy: Sometimes\n",
                        "preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"PreemptLowerPriority\", \"Never\""));
        return Stream.of(minAvailableGood, minAvailableBad, hpaRows, priorityRows).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowIsAcceptedOrRefusedWithUpstreamsPathAndMessage(String name, Class<? extends HasMetadata> type, String yaml, String expected) {
        ValidationRows.check(type, yaml, expected);
    }
}
