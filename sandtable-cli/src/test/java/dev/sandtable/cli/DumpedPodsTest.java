package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods from a dump (kubectl get pods -A -o yaml) whose owners were not dumped, named as users and other tools name them. */
class DumpedPodsTest {
    @TempDir
    static Path dir;

    private static String pod(String name, String ns, String ownerKind, String owner, String labels, String phase, String node) {
        return """
                  - metadata:
                      name: %s
                      namespace: %s
                      labels: {%s}
                      ownerReferences: [{apiVersion: apps/v1, kind: %s, name: %s, uid: uid-%s, controller: true}]
                    spec:
                      nodeName: %s
                      containers: [{name: c, image: example/app:1, ports: [{containerPort: 80}]}]
                    status: {phase: %s}
                """.formatted(name, ns, labels, ownerKind, owner, owner, node, phase);
    }

    @BeforeAll
    static void dump() throws Exception {
        Files.writeString(dir.resolve("pool.yaml"), """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: pool}
                spec: {capacity: {cpu: "4", memory: 16Gi}, initialCount: 3}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
        Files.writeString(dir.resolve("pods.yaml"), "apiVersion: v1\nkind: PodList\nitems:\n"
                + pod("calico-node-b7x2k", "kube-system", "DaemonSet", "calico-node", "k8s-app: calico-node", "Running", "pool-0")
                + pod("calico-node-q9z4m", "kube-system", "DaemonSet", "calico-node", "k8s-app: calico-node", "Running", "pool-1")
                + pod("calico-node-w2c5t", "kube-system", "DaemonSet", "calico-node", "k8s-app: calico-node", "Running", "pool-2")
                + pod("web-5d8f7c9b4-x2x2x", "shop", "ReplicaSet", "web-5d8f7c9b4", "app: web, pod-template-hash: 5d8f7c9b4", "Running", "pool-0")
                + pod("web-5d8f7c9b4-y3y3y", "shop", "ReplicaSet", "web-5d8f7c9b4", "app: web, pod-template-hash: 5d8f7c9b4", "Running", "pool-1")
                + pod("migrate-k8d2p", "shop", "Job", "migrate", "job-name: migrate", "Succeeded", "pool-2"));
    }

    @Test
    void podsOfAnAbsentDaemonSetOrDeploymentAreOneWorkloadEachInReach() {
        Cli r = Cli.run("reach", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("DaemonSet kube-system/calico-node +3 ").containsPattern("Deployment shop/web +2 ")
                .doesNotContain("Pod kube-system/calico-node-").doesNotContain("ReplicaSet");
    }

    @Test
    void theRunReportGroupsThemTheSameWay() {
        Cli r = Cli.run("run", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("DaemonSet kube-system/calico-node +3/3 ").containsPattern("Deployment shop/web +2/2 ");
    }

    @Test
    void aWorkloadNamedByUsersIsFoundByItsOwnerName() {
        Cli r = Cli.run("reach", dir.toString(), "--from", "calico-node", "--to", "shop/web");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DaemonSet kube-system/calico-node (3 pods)").contains("Deployment shop/web (2 pods)");
    }

    @Test
    void namingAWorkloadWhosePodsHaveCompletedSaysTheyTakeNoPartInTraffic() {
        for (String name : new String[] {"migrate", "Job/shop/migrate", "migrate-k8d2p"}) {
            Cli r = Cli.run("reach", dir.toString(), "--from", name, "--to", "web");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("error: --from " + name + ": Job shop/migrate has only completed pods (shop/migrate-k8d2p Succeeded),"
                    + " and completed pods take no part in traffic (hint: name a workload with running pods;");
        }
    }
}
