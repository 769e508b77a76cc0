package dev.sandtable.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sandtable.api.FieldError;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.Plugin;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.scheduler.plugins.noderesources.BalancedAllocation;
import dev.sandtable.scheduler.plugins.noderesources.Fit;
import dev.sandtable.scheduler.plugins.noderesources.ScoringStrategy;
import dev.sandtable.testing.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) as kube-scheduler v1.31 reads it: ConfigParser's
 * defaulting and plugin-set merging, and PluginRegistry's plugin args (v1 defaulting, then the validation of the
 * plugin's constructor).
 */
class KubeSchedulerConfigurationTest {
    /** v1.31's default filter order (default_plugins.go), without the volume plugins Sandtable does not simulate. */
    static final List<String> DEFAULT_FILTERS = List.of("NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity",
            "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");

    static final Map<String, Integer> DEFAULT_SCORE_WEIGHTS = orderedMap("TaintToleration", 3, "NodeAffinity", 2,
            "NodeResourcesFit", 1, "PodTopologySpread", 2, "InterPodAffinity", 2, "NodeResourcesBalancedAllocation", 1, "ImageLocality", 1);

    private static Map<String, Integer> orderedMap(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    private static ConfigParser.Result parse(String yaml) {
        return ConfigParser.parse(Yaml.read(Map.class, yaml));
    }

    /** The configuration, asserting that it parsed without errors. */
    private static SchedulerConfiguration config(String yaml) {
        ConfigParser.Result r = parse(yaml);
        assertThat(r.errors()).isEmpty();
        return r.configuration();
    }

    private static ProfileConfig profile(String yaml) {
        return config(yaml).profiles().get(0);
    }

    /** A one-profile configuration with this text (indented under the profile) after schedulerName. */
    private static String oneProfile(String profileBody) {
        return """
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                  - schedulerName: default-scheduler
                """ + profileBody.indent(4);
    }

    private static Map<String, Integer> weights(ProfileConfig p) {
        Map<String, Integer> m = new LinkedHashMap<>();
        p.scores().forEach(s -> m.put(s.name(), s.weight()));
        return m;
    }

    private static Profile build(ProfileConfig p) {
        return PluginRegistry.build(p, Listers.EMPTY);
    }

    private static <T extends Plugin> T scorePlugin(Profile profile, Class<T> type) {
        return profile.scores().stream().map(Profile.WeightedScore::plugin).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void defaultsGiveTheV131FilterOrderAndScoreWeights() {
        for (ProfileConfig p : List.of(SchedulerConfiguration.defaults().profiles().get(0),
                profile(oneProfile("")), config("{}").profiles().get(0))) {
            assertThat(p.schedulerName()).isEqualTo("default-scheduler");
            assertThat(p.filters()).containsExactlyElementsOf(DEFAULT_FILTERS);
            assertThat(weights(p)).containsExactlyEntriesOf(DEFAULT_SCORE_WEIGHTS);
            assertThat(p.percentageOfNodesToScore()).isZero();
            assertThat(p.postFilters()).containsExactly("DefaultPreemption");

            Profile built = build(p);
            assertThat(built.filters().stream().map(Plugin::name).toList()).containsExactlyElementsOf(DEFAULT_FILTERS);
            assertThat(built.scores().stream().map(s -> s.plugin().name() + "=" + s.weight()).toList()).containsExactly(
                    "TaintToleration=3", "NodeAffinity=2", "NodeResourcesFit=1", "PodTopologySpread=2", "InterPodAffinity=2",
                    "NodeResourcesBalancedAllocation=1", "ImageLocality=1");
            assertThat(scorePlugin(built, Fit.class).strategy()).isEqualTo(ScoringStrategy.LEAST_ALLOCATED);
            assertThat(scorePlugin(built, BalancedAllocation.class).resources()).isEqualTo(ScoringStrategy.DEFAULT_RESOURCES);
            // One instance per plugin, shared by its extension points.
            assertThat(built.filters().get(5)).isSameAs(scorePlugin(built, Fit.class));
        }
    }

    @Test
    void disablingAPluginAtScoreRemovesItThereOnly() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  score:
                    disabled:
                      - name: NodeResourcesBalancedAllocation
                      - name: TaintToleration
                """));
        Map<String, Integer> want = new LinkedHashMap<>(DEFAULT_SCORE_WEIGHTS);
        want.remove("NodeResourcesBalancedAllocation");
        want.remove("TaintToleration");
        assertThat(weights(p)).containsExactlyEntriesOf(want);
        assertThat(p.filters()).containsExactlyElementsOf(DEFAULT_FILTERS);
    }

    @Test
    void enablingADefaultPluginWithANewWeightReplacesIt() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  score:
                    enabled:
                      - name: NodeResourcesFit
                        weight: 5
                      - name: TaintToleration
                """));
        Map<String, Integer> want = new LinkedHashMap<>(DEFAULT_SCORE_WEIGHTS);
        want.put("NodeResourcesFit", 5);
        // Enabled at the score point without a weight: the point's weight (0, hence 1) wins over multiPoint's 3.
        want.put("TaintToleration", 1);
        // The score plugins' order does not change the weighted sum; each plugin is there once, with the new weight.
        assertThat(weights(p)).containsExactlyInAnyOrderEntriesOf(want);
        assertThat(p.scores()).hasSize(want.size());
        assertThat(build(p).scores().stream().filter(s -> s.plugin() instanceof Fit).map(Profile.WeightedScore::weight).toList())
                .containsExactly(5L);
    }

    /**
     * v1.31's expandMultiPointPlugins puts a plugin that is both in multiPoint and enabled at a specific point first
     * at that point ("overridePlugins"), then the other multiPoint plugins. For filters the order decides which
     * plugin's reason a node reports. ConfigParser keeps the plugin in place.
     */
    @Test
    void reEnablingAMultiPointFilterMovesItFirst() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  filter:
                    enabled:
                      - name: NodeResourcesFit
                """));
        assertThat(p.filters()).containsExactly("NodeResourcesFit", "NodeUnschedulable", "NodeName", "TaintToleration",
                "NodeAffinity", "NodePorts", "PodTopologySpread", "InterPodAffinity");
    }

    @Test
    void starDisablesAllDefaultsOfThePoint() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  score:
                    disabled:
                      - name: "*"
                    enabled:
                      - name: ImageLocality
                        weight: 2
                  filter:
                    disabled:
                      - name: "*"
                    enabled:
                      - name: NodeResourcesFit
                      - name: TaintToleration
                """));
        assertThat(weights(p)).containsExactly(entry("ImageLocality", 2));
        assertThat(p.filters()).containsExactly("NodeResourcesFit", "TaintToleration");
        // "*" at score and filter leaves the other points alone: preemption still runs.
        assertThat(p.postFilters()).containsExactly("DefaultPreemption");
        Profile built = build(p);
        assertThat(built.filters().stream().map(Plugin::name).toList()).containsExactly("NodeResourcesFit", "TaintToleration");
        assertThat(built.scores()).singleElement().satisfies(s -> {
            assertThat(s.plugin().name()).isEqualTo("ImageLocality");
            assertThat(s.weight()).isEqualTo(2);
        });
    }

    @Test
    void multiPointAppliesToEveryExtensionPoint() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  multiPoint:
                    disabled:
                      - name: TaintToleration
                      - name: DefaultPreemption
                    enabled:
                      - name: NodeResourcesFit
                        weight: 4
                  score:
                    enabled:
                      - name: NodeAffinity
                        weight: 7
                """));
        assertThat(p.filters()).containsExactly("NodeUnschedulable", "NodeName", "NodeAffinity", "NodePorts", "NodeResourcesFit",
                "PodTopologySpread", "InterPodAffinity");
        assertThat(weights(p)).containsExactlyInAnyOrderEntriesOf(orderedMap("NodeAffinity", 7, "NodeResourcesFit", 4,
                "PodTopologySpread", 2, "InterPodAffinity", 2, "NodeResourcesBalancedAllocation", 1, "ImageLocality", 1));
        assertThat(p.postFilters()).isEmpty();
    }

    @Test
    void multipleProfilesEachGetTheirOwnPluginsAndArgs() {
        SchedulerConfiguration c = config("""
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                  - schedulerName: default-scheduler
                  - schedulerName: bin-packing
                    plugins:
                      score:
                        disabled:
                          - name: NodeResourcesBalancedAllocation
                    pluginConfig:
                      - name: NodeResourcesFit
                        args:
                          scoringStrategy:
                            type: MostAllocated
                            resources:
                              - name: cpu
                                weight: 2
                              - name: memory
                """);
        assertThat(c.profiles()).extracting(ProfileConfig::schedulerName).containsExactly("default-scheduler", "bin-packing");
        Profile defaults = build(c.profiles().get(0));
        Profile binPacking = build(c.profiles().get(1));
        assertThat(scorePlugin(defaults, Fit.class).strategy()).isEqualTo(ScoringStrategy.LEAST_ALLOCATED);
        // memory's absent weight is defaulted to 1, as SetDefaults_NodeResourcesFitArgs does.
        assertThat(scorePlugin(binPacking, Fit.class).strategy()).isEqualTo(new ScoringStrategy(ScoringStrategy.Type.MOST_ALLOCATED,
                List.of(new ScoringStrategy.ResourceWeight("cpu", 2), new ScoringStrategy.ResourceWeight("memory", 1)), null));
        assertThat(binPacking.scores()).noneMatch(s -> s.plugin() instanceof BalancedAllocation);
        assertThat(scorePlugin(defaults, Fit.class)).isNotSameAs(scorePlugin(binPacking, Fit.class));
    }

    @Test
    void duplicateProfileNamesAreAnError() {
        ConfigParser.Result r = parse("""
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                  - schedulerName: a
                  - schedulerName: a
                """);
        assertThat(r.configuration()).isNull();
        assertThat(r.errors()).extracting(FieldError::path).containsExactly("profiles[1].schedulerName");
    }

    @Test
    void percentageOfNodesToScoreIsGlobalUnlessTheProfileSetsIt() {
        SchedulerConfiguration c = config("""
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                percentageOfNodesToScore: 30
                profiles:
                  - schedulerName: inherits
                  - schedulerName: own
                    percentageOfNodesToScore: 50
                """);
        assertThat(c.profiles()).extracting(ProfileConfig::percentageOfNodesToScore).containsExactly(30, 50);
        assertThat(build(c.profiles().get(1)).percentageOfNodesToScore()).isEqualTo(50);

        ConfigParser.Result bad = parse("""
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                percentageOfNodesToScore: 101
                """);
        assertThat(bad.configuration()).isNull();
        assertThat(bad.errors()).extracting(FieldError::path).containsExactly("percentageOfNodesToScore");
    }

    @Test
    void unknownPluginNameIsAnError() {
        ConfigParser.Result r = parse(oneProfile("""
                plugins:
                  score:
                    enabled:
                      - name: NodeResourcesMagic
                """));
        assertThat(r.configuration()).isNull();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("profiles[0].plugins.score");
            assertThat(e.message()).isEqualTo("unknown plugin NodeResourcesMagic");
        });
        // A hand-built profile naming an unknown plugin fails as NewFramework does.
        ProfileConfig handBuilt = new ProfileConfig("p", List.of("NodeResourcesMagic"), List.of(), List.of("DefaultPreemption"), Map.of(), 0);
        assertThatThrownBy(() -> build(handBuilt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin \"NodeResourcesMagic\" does not exist");
    }

    @Test
    void multiPointPluginsReachOnlyThePointsTheyImplementWithoutWarnings() {
        ConfigParser.Result r = parse(oneProfile("""
                plugins:
                  score:
                    enabled:
                      - name: ImageLocality
                        weight: 5
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.configuration().profiles().get(0).postFilters()).containsExactly("DefaultPreemption");
    }

    @Test
    void aPluginNamedAtAnExtensionPointItLacksIsIgnoredWithAWarning() {
        ConfigParser.Result r = parse(oneProfile("""
                plugins:
                  postFilter:
                    enabled:
                      - name: ImageLocality
                """));
        assertThat(r.warnings()).containsExactly("ImageLocality has no such extension point; ignored at profiles[0].plugins.postFilter");
        assertThat(r.configuration().profiles().get(0).postFilters()).containsExactly("DefaultPreemption");
    }

    @Test
    void defaultPreemptionIsBuiltAsThePostFilterPluginOfTheProfile() {
        Profile built = build(SchedulerConfiguration.defaults().profiles().get(0));
        assertThat(built.postFilters().stream().map(Plugin::name).toList()).containsExactly("DefaultPreemption");
    }

    @Test
    void disablingDefaultPreemptionAtPostFilterTurnsPreemptionOff() {
        ProfileConfig p = profile(oneProfile("""
                plugins:
                  postFilter:
                    disabled:
                      - name: DefaultPreemption
                """));
        assertThat(p.postFilters()).isEmpty();
        assertThat(build(p).postFilters()).isEmpty();
        assertThat(p.filters()).containsExactlyElementsOf(DEFAULT_FILTERS);
        assertThat(weights(p)).containsExactlyEntriesOf(DEFAULT_SCORE_WEIGHTS);
    }

    /** Plugin args that NewFit / NewBalancedAllocation reject, with upstream's field errors after the plugin name. */
    static Stream<Arguments> invalidArgs() {
        return Stream.of(
                Arguments.of("negative weight", "NodeResourcesFit", """
                        scoringStrategy:
                          type: LeastAllocated
                          resources:
                            - name: cpu
                              weight: -1
                        """, "initializing plugin \"NodeResourcesFit\": scoringStrategy.resources[0].weight: Invalid value: -1: "
                        + "resource weight of cpu not in valid range (0, 100]"),
                Arguments.of("weight over 100", "NodeResourcesFit", """
                        scoringStrategy:
                          type: MostAllocated
                          resources:
                            - name: cpu
                            - name: memory
                              weight: 101
                        """, "initializing plugin \"NodeResourcesFit\": scoringStrategy.resources[1].weight: Invalid value: 101: "
                        + "resource weight of memory not in valid range (0, 100]"),
                Arguments.of("unsupported type", "NodeResourcesFit", """
                        scoringStrategy:
                          type: Spread
                        """, "initializing plugin \"NodeResourcesFit\": scoringStrategy.type: Unsupported value: \"Spread\": "
                        + "supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\""),
                Arguments.of("no type", "NodeResourcesFit", """
                        scoringStrategy:
                          resources:
                            - name: cpu
                        """, "initializing plugin \"NodeResourcesFit\": scoringStrategy.type: Unsupported value: \"\": "
                        + "supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\""),
                Arguments.of("RequestedToCapacityRatio without a shape", "NodeResourcesFit", """
                        scoringStrategy:
                          type: RequestedToCapacityRatio
                        """, "initializing plugin \"NodeResourcesFit\": scoringStrategy.shape: Required value: at least one point must be specified"),
                Arguments.of("several problems are reported together", "NodeResourcesFit", """
                        scoringStrategy:
                          type: Spread
                          resources:
                            - name: cpu
                              weight: 200
                          requestedToCapacityRatio:
                            shape:
                              - utilization: 50
                                score: 5
                              - utilization: 40
                                score: 11
                        """, "initializing plugin \"NodeResourcesFit\": [scoringStrategy.type: Unsupported value: \"Spread\": "
                        + "supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\", "
                        + "scoringStrategy.resources[0].weight: Invalid value: 200: resource weight of cpu not in valid range (0, 100], "
                        + "scoringStrategy.shape[1].utilization: Invalid value: 40: utilization values must be sorted in increasing order, "
                        + "scoringStrategy.shape[1].score: Invalid value: 11: not in valid range [0, 10]]"),
                Arguments.of("balanced allocation weight other than 1", "NodeResourcesBalancedAllocation", """
                        resources:
                          - name: cpu
                          - name: memory
                            weight: 2
                        """, "initializing plugin \"NodeResourcesBalancedAllocation\": resources[1].weight: Invalid value: 2: must be 1"),
                Arguments.of("balanced allocation duplicate resource", "NodeResourcesBalancedAllocation", """
                        resources:
                          - name: cpu
                          - name: cpu
                        """, "initializing plugin \"NodeResourcesBalancedAllocation\": resources[1].name: Duplicate value: \"cpu\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArgs")
    void invalidArgsNameThePlugin(String name, String plugin, String args, String wantError) {
        ProfileConfig p = profile(oneProfile("""
                pluginConfig:
                  - name: %s
                    args:
                %s""".formatted(plugin, args.indent(6))));
        assertThatThrownBy(() -> build(p)).isInstanceOf(IllegalArgumentException.class).hasMessage(wantError);
    }

    @Test
    void zeroOrAbsentWeightsAreDefaultedToOne() {
        ProfileConfig p = profile(oneProfile("""
                pluginConfig:
                  - name: NodeResourcesFit
                    args:
                      scoringStrategy:
                        type: RequestedToCapacityRatio
                        resources:
                          - name: cpu
                            weight: 0
                          - name: example.com/gpu
                        requestedToCapacityRatio:
                          shape:
                            - utilization: 0
                              score: 0
                            - utilization: 100
                              score: 10
                  - name: NodeResourcesBalancedAllocation
                    args:
                      resources:
                        - name: cpu
                          weight: 0
                        - name: example.com/gpu
                """));
        Profile built = build(p);
        List<ScoringStrategy.ResourceWeight> want = List.of(new ScoringStrategy.ResourceWeight("cpu", 1),
                new ScoringStrategy.ResourceWeight("example.com/gpu", 1));
        assertThat(scorePlugin(built, Fit.class).strategy()).isEqualTo(new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO,
                want, List.of(new ScoringStrategy.UtilizationShapePoint(0, 0), new ScoringStrategy.UtilizationShapePoint(100, 10))));
        assertThat(scorePlugin(built, BalancedAllocation.class).resources()).isEqualTo(want);
    }

    @Test
    void theBundledBinPackingExampleLoads() throws Exception {
        Path example = Path.of("..", "examples", "scheduler-configs", "bin-packing.yaml");
        ProfileConfig p = config(Files.readString(example)).profiles().get(0);
        Profile built = build(p);
        assertThat(scorePlugin(built, Fit.class).strategy().type()).isEqualTo(ScoringStrategy.Type.MOST_ALLOCATED);
        assertThat(built.scores()).noneMatch(s -> s.plugin() instanceof BalancedAllocation);
        assertThat(built.scores().stream().filter(s -> s.plugin() instanceof Fit).map(Profile.WeightedScore::weight).toList())
                .containsExactly(5L);
    }
}
