package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.ValidationRows.row;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of pkg/apis/apps/validation's TestValidateDeployment, TestValidateReplicaSet, TestValidateStatefulSet and
 * TestValidateDaemonSet (v1.31) whose fields Sandtable models, each with upstream's path and message.
 */
class AppsValidationTest {
    private static final String TEMPLATE = """
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers: [{name: web, image: nginx}]
            """;

    private static String deployment(String spec) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n" + spec + TEMPLATE;
    }

    private static String statefulSet(String spec) {
        return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: web}}\n" + spec + TEMPLATE;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a valid Deployment", Deployment.class, deployment("  replicas: 3\n"), null),
                row("Deployment: negative replicas", Deployment.class, deployment("  replicas: -1\n"),
                        "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                row("Deployment: missing name", Deployment.class, deployment("").replace("metadata: {name: web}", "metadata: {}"),
                        "metadata.name: Required value: name or generateName is required"),
                row("Deployment: empty selector", Deployment.class, deployment("").replace("selector: {matchLabels: {app: web}}", "selector: {}"),
                        "spec.selector: Invalid value: {}: empty selector is invalid for deployment"),
                row("Deployment: selector does not match template labels", Deployment.class,
                        deployment("").replace("matchLabels: {app: web}", "matchLabels: {app: api}"),
                        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"),
                row("Deployment: template restartPolicy other than Always", Deployment.class,
                        deployment("").replace("containers: [{name: web, image: nginx}]", "restartPolicy: OnFailure\n      containers: [{name: web, image: nginx}]"),
                        "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\""),
                row("Deployment: unknown strategy type", Deployment.class, deployment("  strategy: {type: randomType}\n"),
                        "spec.strategy.type: Unsupported value: \"randomType\": supported values: \"Recreate\", \"RollingUpdate\""),
                row("Deployment: rollingUpdate with Recreate", Deployment.class,
                        deployment("  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}\n"),
                        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"),
                row("Deployment: maxUnavailable neither integer nor percentage", Deployment.class,
                        deployment("  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 20Percent}}\n"),
                        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"20Percent\"}:"
                                + " must be an integer or percentage (e.g '5%')"),
                row("Deployment: maxUnavailable above 100%", Deployment.class,
                        deployment("  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 110%}}\n"),
                        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"110%\"}:"
                                + " must not be greater than 100%"),
                row("Deployment: negative maxSurge", Deployment.class,
                        deployment("  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: -1}}\n"),
                        "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0"),
                row("Deployment: maxUnavailable and maxSurge both 0", Deployment.class,
                        deployment("  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}\n"),
                        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}:"
                                + " may not be 0 when `maxSurge` is 0"),
                row("Deployment: progressDeadlineSeconds not above minReadySeconds", Deployment.class,
                        deployment("  minReadySeconds: 10\n  progressDeadlineSeconds: 10\n"),
                        "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds"),
                row("Deployment: negative minReadySeconds", Deployment.class, deployment("  minReadySeconds: -1\n"),
                        "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"),
                row("Deployment: negative revisionHistoryLimit", Deployment.class, deployment("  revisionHistoryLimit: -2\n"),
                        "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0"),
                row("Deployment: template with activeDeadlineSeconds", Deployment.class,
                        deployment("").replace("containers: [{name: web, image: nginx}]", "activeDeadlineSeconds: 30\n      containers: [{name: web, image: nginx}]"),
                        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"),
                row("Deployment: invalid selector operator", Deployment.class,
                        deployment("").replace("selector: {matchLabels: {app: web}}",
                                "selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: Equals, values: [a]}]}"),
                        "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"),
                row("ReplicaSet: negative replicas", ReplicaSet.class, deployment("  replicas: -5\n").replace("kind: Deployment", "kind: ReplicaSet"),
                        "spec.replicas: Invalid value: -5: must be greater than or equal to 0"),
                row("ReplicaSet: no selector", ReplicaSet.class,
                        deployment("").replace("kind: Deployment", "kind: ReplicaSet").replace("  selector: {matchLabels: {app: web}}\n", ""),
                        "spec.selector: Required value"),
                row("a valid StatefulSet", StatefulSet.class, statefulSet("  podManagementPolicy: Parallel\n"), null),
                row("StatefulSet: negative replicas", StatefulSet.class, statefulSet("  replicas: -3\n"),
                        "spec.replicas: Invalid value: -3: must be greater than or equal to 0"),
                row("StatefulSet: empty selector", StatefulSet.class, statefulSet("").replace("selector: {matchLabels: {app: web}}", "selector: {}"),
                        "spec.selector: Invalid value: {}: empty selector is invalid for statefulset"),
                row("StatefulSet: unknown podManagementPolicy", StatefulSet.class, statefulSet("  podManagementPolicy: foo\n"),
                        "spec.podManagementPolicy: Unsupported value: \"foo\": supported values: \"OrderedReady\", \"Parallel\""),
                row("StatefulSet: unknown updateStrategy type", StatefulSet.class, statefulSet("  updateStrategy: {type: foo}\n"),
                        "spec.updateStrategy.type: Unsupported value: \"foo\": supported values: \"OnDelete\", \"RollingUpdate\""),
                row("StatefulSet: rollingUpdate with OnDelete", StatefulSet.class,
                        statefulSet("  updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}\n"),
                        "spec.updateStrategy.rollingUpdate: Invalid value: \"OnDelete\": only allowed for updateStrategy 'RollingUpdate'"),
                row("StatefulSet: negative partition", StatefulSet.class,
                        statefulSet("  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: -1}}\n"),
                        "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"),
                row("StatefulSet: negative ordinals.start", StatefulSet.class, statefulSet("  ordinals: {start: -2}\n"),
                        "spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0"),
                row("StatefulSet: template restartPolicy Never", StatefulSet.class,
                        statefulSet("").replace("containers: [{name: web, image: nginx}]", "restartPolicy: Never\n      containers: [{name: web, image: nginx}]"),
                        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
                row("DaemonSet: empty selector", DaemonSet.class,
                        deployment("").replace("kind: Deployment", "kind: DaemonSet").replace("selector: {matchLabels: {app: web}}", "selector: {}"),
                        "spec.selector: Invalid value: {}: empty selector is invalid for daemonset"),
                row("DaemonSet: unknown updateStrategy type", DaemonSet.class,
                        deployment("  updateStrategy: {type: Sideways}\n").replace("kind: Deployment", "kind: DaemonSet"),
                        "spec.updateStrategy.type: Unsupported value: \"Sideways\": supported values: \"OnDelete\", \"RollingUpdate\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowIsAcceptedOrRefusedWithUpstreamsPathAndMessage(String name, Class<? extends HasMetadata> type, String yaml, String expected) {
        ValidationRows.check(type, yaml, expected);
    }
}
