package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.ValidationRows.row;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of pkg/apis/core/validation's TestValidateContainers, TestValidateInitContainers, TestValidateTolerations (the
 * tolerations cases of TestValidatePod), TestValidateAffinity, TestValidateTopologySpreadConstraints and
 * TestValidatePodSpec (v1.31), for the fields the simulation uses.
 */
class PodSpecValidationTest {
    private static String pod(String spec) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec;
    }

    private static final String CONTAINERS = "  containers: [{name: app, image: nginx}]\n";

    private static String tolerations(String toleration) {
        return pod("  tolerations: [" + toleration + "]\n" + CONTAINERS);
    }

    private static String nodeAffinity(String requirement) {
        return pod("  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: ["
                + requirement + "]}]}}}\n" + CONTAINERS);
    }

    private static final String NODE_REQUIREMENT = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a valid pod", Pod.class, pod(CONTAINERS), null),
                // containers
                row("no containers", Pod.class, pod("  containers: []\n"), "spec.containers: Required value"),
                row("container without a name", Pod.class, pod("  containers: [{image: nginx}]\n"), "spec.containers[0].name: Required value"),
                row("container name not a DNS label", Pod.class, pod("  containers: [{name: Bad_Name, image: nginx}]\n"),
                        "spec.containers[0].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of"),
                row("container without an image", Pod.class, pod("  containers: [{name: app}]\n"), "spec.containers[0].image: Required value"),
                row("duplicate container names", Pod.class, pod("  containers: [{name: app, image: a}, {name: app, image: b}]\n"),
                        "spec.containers[1].name: Duplicate value: \"app\""),
                row("init container named as a container", Pod.class,
                        pod("  initContainers: [{name: app, image: a}]\n" + CONTAINERS), "spec.initContainers[0].name: Duplicate value: \"app\""),
                row("containerPort 0", Pod.class, pod("  containers: [{name: app, image: a, ports: [{containerPort: 0}]}]\n"),
                        "spec.containers[0].ports[0].containerPort: Required value"),
                row("containerPort 65536", Pod.class, pod("  containers: [{name: app, image: a, ports: [{containerPort: 65536}]}]\n"),
                        "spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive"),
                row("hostPort 70000", Pod.class, pod("  containers: [{name: app, image: a, ports: [{containerPort: 80, hostPort: 70000}]}]\n"),
                        "spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive"),
                row("port name over 15 characters", Pod.class,
                        pod("  containers: [{name: app, image: a, ports: [{name: a-very-long-port-name, containerPort: 80}]}]\n"),
                        "spec.containers[0].ports[0].name: Invalid value: \"a-very-long-port-name\": must be no more than 15 characters"),
                row("duplicate port names", Pod.class,
                        pod("  containers: [{name: app, image: a, ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]}]\n"),
                        "spec.containers[0].ports[1].name: Duplicate value: \"http\""),
                row("unknown protocol", Pod.class, pod("  containers: [{name: app, image: a, ports: [{containerPort: 80, protocol: ICMP}]}]\n"),
                        "spec.containers[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
                row("unknown imagePullPolicy", Pod.class, pod("  containers: [{name: app, image: a, imagePullPolicy: Sometimes}]\n"),
                        "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""),
                row("request above limit", Pod.class,
                        pod("  containers: [{name: app, image: a, resources: {requests: {cpu: '2'}, limits: {cpu: '1'}}}]\n"),
                        "spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 1"),
                row("negative request", Pod.class, pod("  containers: [{name: app, image: a, resources: {requests: {memory: -1Mi}}}]\n"),
                        "spec.containers[0].resources.requests[memory]: Invalid value: \"-1Mi\": must be greater than or equal to 0"),
                // pod-level fields
                row("unknown restartPolicy", Pod.class, pod("  restartPolicy: Maybe\n" + CONTAINERS),
                        "spec.restartPolicy: Unsupported value: \"Maybe\": supported values: \"Always\", \"OnFailure\", \"Never\""),
                row("unknown dnsPolicy", Pod.class, pod("  dnsPolicy: Invalid\n" + CONTAINERS),
                        "spec.dnsPolicy: Unsupported value: \"Invalid\": supported values: \"ClusterFirst\", \"ClusterFirstWithHostNet\", \"Default\", \"None\""),
                row("nodeSelector key with two slashes", Pod.class, pod("  nodeSelector: {a/b/c: x}\n" + CONTAINERS),
                        "spec.nodeSelector: Invalid value: \"a/b/c\": a qualified name must consist of"),
                row("negative terminationGracePeriodSeconds", Pod.class, pod("  terminationGracePeriodSeconds: -1\n" + CONTAINERS),
                        "spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0"),
                // tolerations
                row("a valid toleration", Pod.class, tolerations("{key: foo, operator: Equal, value: bar, effect: NoSchedule}"), null),
                row("tolerate everything", Pod.class, tolerations("{operator: Exists}"), null),
                row("toleration key with special characters", Pod.class, tolerations("{key: 'nospecialchars^=@', operator: Equal, value: bar}"),
                        "spec.tolerations[0].key: Invalid value: \"nospecialchars^=@\": name part must consist of"),
                row("toleration operator In", Pod.class, tolerations("{key: foo, operator: In, value: bar, effect: NoSchedule}"),
                        "spec.tolerations[0].operator: Unsupported value: \"In\": supported values: \"Equal\", \"Exists\""),
                row("toleration Exists with a value", Pod.class, tolerations("{key: foo, operator: Exists, value: bar, effect: NoSchedule}"),
                        "spec.tolerations[0].operator: Invalid value: core.Toleration{Key:\"foo\", Operator:\"Exists\", Value:\"bar\","
                                + " Effect:\"NoSchedule\", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is 'Exists'"),
                row("toleration without key but Equal", Pod.class, tolerations("{operator: Equal, value: bar, effect: NoSchedule}"),
                        "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means"
                                + " \"match all values and all keys\""),
                row("tolerationSeconds without NoExecute", Pod.class,
                        tolerations("{key: foo, operator: Exists, effect: NoSchedule, tolerationSeconds: 20}"),
                        "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"),
                row("unknown toleration effect", Pod.class, tolerations("{key: foo, operator: Exists, effect: NoRun}"),
                        "spec.tolerations[0].effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""),
                row("toleration value not a label value", Pod.class, tolerations("{key: foo, operator: Equal, value: '-bar'}"),
                        "spec.tolerations[0].operator: Invalid value: \"-bar\": a valid label must be an empty string"),
                // node affinity
                row("a valid node affinity", Pod.class, nodeAffinity("{key: zone, operator: In, values: [a]}"), null),
                row("node affinity operator Equals", Pod.class, nodeAffinity("{key: zone, operator: Equals, values: [a]}"),
                        NODE_REQUIREMENT + "operator: Invalid value: \"Equals\": not a valid selector operator"),
                row("In without values", Pod.class, nodeAffinity("{key: zone, operator: In}"),
                        NODE_REQUIREMENT + "values: Required value: must be specified when `operator` is 'In' or 'NotIn'"),
                row("Exists with values", Pod.class, nodeAffinity("{key: zone, operator: Exists, values: [a]}"),
                        NODE_REQUIREMENT + "values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
                row("Gt with two values", Pod.class, nodeAffinity("{key: cores, operator: Gt, values: ['1', '2']}"),
                        NODE_REQUIREMENT + "values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"),
                row("invalid requirement key", Pod.class, nodeAffinity("{key: 'invalid key ___@#', operator: Exists}"),
                        NODE_REQUIREMENT + "key: Invalid value: \"invalid key ___@#\": name part must consist of"),
                row("no node selector terms", Pod.class,
                        pod("  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}\n" + CONTAINERS),
                        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value:"
                                + " must have at least one node selector term"),
                row("matchFields on a label", Pod.class,
                        pod("  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields:"
                                + " [{key: metadata.labels, operator: In, values: [a]}]}]}}}\n" + CONTAINERS),
                        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key:"
                                + " Invalid value: \"metadata.labels\": not a valid field selector key"),
                row("preferred weight 0", Pod.class,
                        pod("  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference:"
                                + " {matchExpressions: [{key: zone, operator: Exists}]}}]}}\n" + CONTAINERS),
                        "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100"),
                row("pod anti-affinity without topologyKey", Pod.class,
                        pod("  affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: a}}}]}}\n"
                                + CONTAINERS),
                        "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty"),
                row("pod affinity weight 101", Pod.class,
                        pod("  affinity: {podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, podAffinityTerm:"
                                + " {topologyKey: zone, labelSelector: {matchLabels: {app: a}}}}]}}\n" + CONTAINERS),
                        "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100"),
                // topology spread constraints
                row("maxSkew 0", Pod.class, pod("  topologySpreadConstraints: [{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]\n"
                        + CONTAINERS), "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero"),
                row("empty topologyKey", Pod.class, pod("  topologySpreadConstraints: [{maxSkew: 1, topologyKey: '', whenUnsatisfiable: DoNotSchedule}]\n"
                        + CONTAINERS), "spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty"),
                row("unknown whenUnsatisfiable", Pod.class, pod("  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: N/A}]\n"
                        + CONTAINERS), "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"N/A\": supported values:"
                        + " \"DoNotSchedule\", \"ScheduleAnyway\""),
                row("minDomains with ScheduleAnyway", Pod.class,
                        pod("  topologySpreadConstraints: [{maxSkew: 1, minDomains: 2, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]\n" + CONTAINERS),
                        "spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule,"
                                + " not ScheduleAnyway"),
                row("duplicate constraints", Pod.class,
                        pod("  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule},"
                                + " {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]\n" + CONTAINERS),
                        "spec.topologySpreadConstraints[1]: Duplicate value: \"{zone, DoNotSchedule}\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowIsAcceptedOrRefusedWithUpstreamsPathAndMessage(String name, Class<? extends HasMetadata> type, String yaml, String expected) {
        ValidationRows.check(type, yaml, expected);
    }
}
