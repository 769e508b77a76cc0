package dev.sandtable.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AllocatableTest {
    private static final long MIB = 1L << 20;

    /** One worked example: a node shape, what the provider reserves, and what is left for pods (memory in MiB). */
    private static Arguments example(String spec, Provider provider, int vcpu, long memoryMib, int maxPods,
                                     long kubeCpuMillis, long kubeMemoryMib, long allocCpuMillis, long allocMemoryMib) {
        return arguments(spec, provider, vcpu, memoryMib, maxPods, kubeCpuMillis, kubeMemoryMib, allocCpuMillis,
                allocMemoryMib);
    }

    static Stream<Arguments> aksExamples() {
        return Stream.of(
                // https://learn.microsoft.com/en-us/azure/aks/node-resource-reservations (AKS 1.29 and later, first
                // example). The page subtracts in decimal GB (8 - 0.65 - 0.1 = 7.25 GB); AKS writes the values to
                // the kubelet in Mi, so in binary units the same rule leaves 8192 - 650 - 100 = 7442 MiB.
                example("aks 8 GiB node with 30 max pods reserves 20Mi*30+50Mi = 650 MiB plus the 100 MiB eviction threshold",
                        Provider.AKS, 2, 8192, 30, 100, 650, 1900, 7442),
                // Same page, second example: 25% of 4 GB is the smaller term. The page writes 1000 MB because it
                // counts 4 GB as 4000 MB; with 4 GiB the quarter is 1024 MiB.
                example("aks 4 GiB node with 70 max pods reserves 25% of memory (1024 MiB) because 20Mi*70+50Mi = 1450 MiB is larger",
                        Provider.AKS, 2, 4096, 70, 100, 1024, 1900, 2972),
                // Same page: 8 cores -> 180m; 20Mi*110+50Mi = 2250Mi, as AKS 8-core nodes with --max-pods=110 show
                // in /etc/default/kubelet (--kube-reserved=cpu=180m,memory=2250Mi).
                example("aks Standard_D8s_v5 (8 vCPU, 32 GiB, 110 pods) reserves 180m and 2250 MiB",
                        Provider.AKS, 8, 32768, 110, 180, 2250, 7820, 30418),
                // Same page, rule applied to the seed documents' node: at the Azure CNI Overlay default of 250 pods
                // 20Mi*250+50Mi = 5050 MiB exceeds a quarter of 8 GiB, so the cap applies.
                example("aks Standard_B2ps_v2 (2 vCPU, 8 GiB, 250 pods) is capped at 25% of memory: 100m and 2048 MiB",
                        Provider.AKS, 2, 8192, 250, 100, 2048, 1900, 6044));
    }

    static Stream<Arguments> eksExamples() {
        return Stream.of(
                // https://github.com/awslabs/amazon-eks-ami/blob/029f7c7d751cd352793334fc787473b7a2ab728c/templates/al2/runtime/bootstrap.sh
                // (get_memory_mebibytes_to_reserve, get_cpu_millicores_to_reserve, evictionHard 100Mi) with max
                // pods from https://github.com/awslabs/amazon-eks-ami/blob/2bed73dc4fafb502298fa67534dc53a030e56b21/templates/shared/runtime/eni-max-pods.txt
                example("eks m5.large (2 vCPU, 8 GiB, 29 pods) reserves 574 MiB and 70m",
                        Provider.EKS, 2, 8192, 29, 70, 574, 1930, 7518),
                example("eks t3.medium (2 vCPU, 4 GiB, 17 pods) reserves 442 MiB and 70m",
                        Provider.EKS, 2, 4096, 17, 70, 442, 1930, 3554),
                // 58 pods -> 893Mi is also the expected kubeReserved.memory in nodeadm's own fixture:
                // https://github.com/awslabs/amazon-eks-ami/blob/main/nodeadm/test/e2e/cases/kubelet-config-dir/expected-kubelet-config.json
                example("eks m5.xlarge (4 vCPU, 16 GiB, 58 pods) reserves 893 MiB and 80m",
                        Provider.EKS, 4, 16384, 58, 80, 893, 3920, 15391),
                example("eks m5.2xlarge (8 vCPU, 32 GiB, 58 pods) reserves 893 MiB and 90m",
                        Provider.EKS, 8, 32768, 58, 90, 893, 7910, 31775),
                // 110 pods -> 1465Mi: https://github.com/awslabs/amazon-eks-ami/blob/main/nodeadm/test/e2e/cases/kubelet-config-new-instance-type/expected-kubelet-config.json
                example("eks node raised to 110 pods (prefix delegation) reserves 11Mi*110+255Mi = 1465 MiB",
                        Provider.EKS, 2, 8192, 110, 70, 1465, 1930, 6627));
    }

    static Stream<Arguments> gkeExamples() {
        return Stream.of(
                // https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes#memory_and_cpu_reservations
                // The page's sample `kubectl get node` output for a 4-vCPU node shows allocatable cpu 3920m.
                example("gke e2-standard-4 (4 vCPU, 16 GiB) reserves 80m, leaving the 3920m the GKE docs show, and 2662 MiB",
                        Provider.GKE, 4, 16384, 110, 80, 2662, 3920, 13622),
                example("gke e2-standard-2 (2 vCPU, 8 GiB) reserves 70m and 25% of 4 GiB + 20% of 4 GiB = 1843 MiB",
                        Provider.GKE, 2, 8192, 110, 70, 1843, 1930, 6249),
                example("gke e2-medium (2 vCPU, 4 GiB) reserves 25% of its memory, 1024 MiB",
                        Provider.GKE, 2, 4096, 110, 70, 1024, 1930, 2972),
                // Worked n1-standard-2 example (1 GiB + 0.7 GiB = 1.7 GiB): https://learnk8s.io/allocatable-resources
                example("gke n1-standard-2 (2 vCPU, 7.5 GiB) reserves 1.7 GiB (1740 MiB) and 70m",
                        Provider.GKE, 2, 7680, 110, 70, 1740, 1930, 5840),
                example("gke machine under 1 GiB (f1-micro, 0.6 GiB) reserves the flat 255 MiB",
                        Provider.GKE, 1, 614, 110, 60, 255, 940, 259),
                example("gke n2-highmem-4 (4 vCPU, 32 GiB) adds 6% of the memory above 16 GiB: 3645 MiB",
                        Provider.GKE, 4, 32768, 110, 80, 3645, 3920, 29023),
                example("gke 16 vCPU, 150 GiB machine reserves 110m and 25/20/10/6/2% of its memory bands = 9994 MiB",
                        Provider.GKE, 16, 153600, 110, 110, 9994, 15890, 143506));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"aksExamples", "eksExamples", "gkeExamples"})
    void reservesWhatTheProviderPublishes(String spec, Provider provider, int vcpu, long memoryMib, int maxPods,
                                          long kubeCpuMillis, long kubeMemoryMib, long allocCpuMillis,
                                          long allocMemoryMib) {
        Reservation r = Allocatable.reservation(provider, vcpu * 1000L, memoryMib * MIB, maxPods);

        assertThat(r.kubeReservedCpuMillis()).as("kube-reserved cpu").isEqualTo(kubeCpuMillis);
        assertThat(r.kubeReservedMemoryBytes()).as("kube-reserved memory").isEqualTo(kubeMemoryMib * MIB);
        assertThat(r.systemReservedCpuMillis()).as("system-reserved cpu").isZero();
        assertThat(r.systemReservedMemoryBytes()).as("system-reserved memory").isZero();
        assertThat(r.evictionHardMemoryBytes()).as("eviction threshold").isEqualTo(100 * MIB);

        NodeResources allocatable = Allocatable.of(provider, new NodeResources(vcpu * 1000L, memoryMib * MIB, maxPods));
        assertThat(allocatable).isEqualTo(new NodeResources(allocCpuMillis, allocMemoryMib * MIB, maxPods));
    }

    // https://learn.microsoft.com/en-us/azure/aks/node-resource-reservations#cpu-reservations (the published
    // columns), plus two sizes between columns from the same marginal rates (6/4/2/1%).
    @ParameterizedTest(name = "aks node with {0} cores reserves {1}m CPU")
    @CsvSource({"1, 60", "2, 100", "3, 120", "4, 140", "8, 180", "16, 260", "32, 420", "48, 580", "64, 740"})
    void aksCpuFollowsThePublishedCoreTable(int cores, long reservedMillis) {
        assertThat(Allocatable.reservation(Provider.AKS, cores * 1000L, 64 * 1024 * MIB, 110).kubeReservedCpuMillis())
                .isEqualTo(reservedMillis);
    }

    // EKS bootstrap.sh/nodeadm and GKE plan-node-sizes share one schedule: 6% of core 1, 1% of core 2, 0.5% of
    // cores 3-4, 0.25% of the rest; amazon-eks-ami floors with integer arithmetic (5 cores: 82.5m -> 82m).
    @ParameterizedTest(name = "{0} node with {1} cores reserves {2}m CPU")
    @CsvSource({
            "EKS, 1, 60", "EKS, 2, 70", "EKS, 4, 80", "EKS, 5, 82", "EKS, 8, 90", "EKS, 16, 110", "EKS, 48, 190",
            "EKS, 96, 310",
            "GKE, 1, 60", "GKE, 2, 70", "GKE, 4, 80", "GKE, 8, 90", "GKE, 16, 110", "GKE, 32, 150", "GKE, 64, 230",
            "GKE, 96, 310"})
    void eksAndGkeCpuFollowTheTieredPercentages(Provider provider, int cores, long reservedMillis) {
        assertThat(Allocatable.reservation(provider, cores * 1000L, 64 * 1024 * MIB, 58).kubeReservedCpuMillis())
                .isEqualTo(reservedMillis);
    }

    @Test
    void noneReservesNothingSoAllocatableEqualsCapacity() {
        NodeResources capacity = new NodeResources(4000, 16 * 1024 * MIB, 110);

        assertThat(Allocatable.reservation(Provider.NONE, 4000, 16 * 1024 * MIB, 110)).isEqualTo(Reservation.NONE);
        assertThat(Allocatable.of(Provider.NONE, capacity)).isEqualTo(capacity);
    }

    @Test
    void allocatableNeverGoesBelowZero() {
        // 11Mi*29+255Mi+100Mi = 674 MiB is more than this node has; 6% of 50m is 3m.
        NodeResources tiny = new NodeResources(50, 512 * MIB, 29);
        Reservation greedy = new Reservation(80, 0, 20, 0, 0, "test");

        assertThat(Allocatable.of(Provider.EKS, tiny)).isEqualTo(new NodeResources(47, 0, 29));
        assertThat(greedy.applyTo(tiny)).isEqualTo(new NodeResources(0, 512 * MIB, 29));
    }

    @Test
    void formulaExplainsTheFiguresItProduced() {
        assertThat(Allocatable.reservation(Provider.EKS, 2000, 8192 * MIB, 29).formula())
                .contains("11Mi*29 pods+255Mi=574Mi").contains("70m").contains("100Mi");
        assertThat(Allocatable.reservation(Provider.AKS, 2000, 8192 * MIB, 250).formula())
                .contains("20Mi*250 pods+50Mi=5050Mi").contains("25% of memory=2048Mi").contains("100m");
        assertThat(Allocatable.reservation(Provider.GKE, 2000, 8192 * MIB, 110).formula())
                .contains("memory 1843Mi").contains("70m");
    }

    @Test
    void totalsAddEvictionToMemoryButNotToCpu() {
        Reservation r = new Reservation(70, 574 * MIB, 30, 100 * MIB, 100 * MIB, "test");

        assertThat(r.totalCpuMillis()).isEqualTo(100);
        assertThat(r.totalMemoryBytes()).isEqualTo(774 * MIB);
    }

    @Test
    void rejectsNegativeInputs() {
        assertThatThrownBy(() -> Allocatable.reservation(Provider.AKS, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocatable.reservation(Provider.EKS, 1000, 1024 * MIB, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeResources(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCatalogTypeKeepsMostOfItselfForPods() {
        for (InstanceType type : InstanceTypeCatalog.bundled().all()) {
            NodeResources capacity = type.capacity();
            NodeResources allocatable = Allocatable.of(type);

            assertThat(allocatable.cpuMillis()).as(type.name()).isPositive().isLessThan(capacity.cpuMillis());
            assertThat(allocatable.memoryBytes()).as(type.name()).isPositive().isLessThan(capacity.memoryBytes());
            assertThat(allocatable.pods()).as(type.name()).isEqualTo(type.maxPods());
        }
    }
}
