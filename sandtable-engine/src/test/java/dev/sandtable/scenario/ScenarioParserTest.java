package dev.sandtable.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.FieldError;
import dev.sandtable.testing.Yaml;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a scenario can be wrong is reported with the field path and a hint. */
class ScenarioParserTest {

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                Arguments.of("an unknown Service", "load: [{service: shop/nope, profile: [{constant: 1}]}]", "spec.load[0].service", "unknown Service \"shop/nope\""),
                Arguments.of("an unknown workload", "events: [{at: 1m, scale: {workload: shop/nope, replicas: 2}}]", "spec.events[0].scale.workload", "unknown workload \"shop/nope\""),
                Arguments.of("a negative load", "load: [{service: shop/web, profile: [{constant: -5}]}]", "spec.load[0].profile[0].constant", "must not be negative"),
                Arguments.of("an event after the end", "duration: 1h\nevents: [{at: 2h, scale: {workload: shop/web, replicas: 2}}]", "spec.events[0].at", "after the end of the run"),
                Arguments.of("an expectation on a series that does not exist", "expectations: [{expression: 'max(pool[gpu].nodes) <= 2'}]", "spec.expectations[0].expression", "series that does not exist: no node pool gpu"),
                Arguments.of("load on a Service read by an expression when it gets none", "expectations: [{expression: 'max(service[shop/web].load) <= 2'}]", "spec.expectations[0].expression", "gets no load in this scenario"),
                Arguments.of("an unknown event type", "events: [{at: 1m, reboot: {}}]", "spec.events[0].reboot", "unknown event type reboot"),
                Arguments.of("an unknown expectation type", "expectations: [{fast: true}]", "spec.expectations[0].fast", "unknown expectation type fast"),
                Arguments.of("a bad duration", "duration: ten minutes", "spec.duration", "invalid duration"),
                Arguments.of("a window after the end", "duration: 1h\nexpectations: [{noPendingLongerThan: 1m, window: {from: 2h, to: 3h}}]", "spec.expectations[0].window.from", "window 2h-3h lies entirely after the end of the run (1h, set by spec.duration)"),
                Arguments.of("a window past the end", "duration: 1h\nexpectations: [{noPendingLongerThan: 1m, window: {from: 30m, to: 90m}}]", "spec.expectations[0].window.to", "window 30m-1h30m goes on after the end of the run"),
                Arguments.of("a window that ends before it starts", "expectations: [{noPendingLongerThan: 1m, window: {from: 30m, to: 10m}}]", "spec.expectations[0].window", "window ends before it starts"),
                Arguments.of("a ramp that ends before it starts", "load: [{service: shop/web, profile: [{ramp: {from: 1, to: 2, start: 20m, end: 10m}}]}]", "spec.load[0].profile[0].ramp.end", "ramp ends before it starts"),
                Arguments.of("an availability above 100%", "load: [{service: shop/web, profile: [{constant: 1}]}]\nexpectations: [{availability: {service: shop/web, atLeast: 120%}}]", "spec.expectations[0].availability.atLeast", "a percentage above 100"));
    }

    @ParameterizedTest(name = "{0} is reported at {2}")
    @MethodSource("badScenarios")
    void problemsNameTheFieldAndSayWhatIsWrong(String what, String spec, String path, String message) {
        Scenario s = Yaml.read(Scenario.class, "apiVersion: sandtable.dev/v1alpha1\nkind: Scenario\nmetadata: {name: bad}\nspec:\n" + spec.indent(2));
        ParseContext ctx = new ParseContext(ScenarioRunnerTest.platform(1, "1", "1Gi"), ScenarioFiles.NONE);
        assertThat(ScenarioParser.parse(s, ctx)).isNull();
        assertThat(ctx.errors()).extracting(FieldError::path).contains(path);
        assertThat(ctx.errors()).filteredOn(e -> e.path().equals(path)).first()
                .satisfies(e -> assertThat(e.message()).contains(message))
                .satisfies(e -> assertThat(e.hint()).isNotBlank());
    }

    static Stream<Arguments> timesBeyondAShorterRun() {
        return Stream.of(
                Arguments.of("an event", "events: [{at: 1h, scale: {workload: shop/web, replicas: 2}}]", "spec.events[0].at", "at 1h is after the end of the run (30m, set by --duration)"),
                Arguments.of("a window", "expectations: [{noPendingLongerThan: 1m, window: {from: 1h, to: 1h20m}}]", "spec.expectations[0].window.from", "window 1h-1h20m lies entirely after the end of the run (30m, set by --duration)"),
                Arguments.of("a spike", "load: [{service: shop/web, profile: [{spike: {at: 1h, duration: 5m, rps: 9}}]}]", "spec.load[0].profile[0].spike.at", "at 1h is after the end of the run (30m, set by --duration)"),
                Arguments.of("the by of a replicas expectation", "expectations: [{replicas: {workload: shop/web, between: [1, 2], by: 45m}}]", "spec.expectations[0].replicas.by", "by 45m is after the end of the run (30m, set by --duration)"));
    }

    @ParameterizedTest(name = "{0} beyond a run shortened by the option is reported at {2}")
    @MethodSource("timesBeyondAShorterRun")
    void aDurationGivenAsAnOptionBoundsEveryTimeAsTheFileOneDoes(String what, String spec, String path, String message) {
        Scenario s = Yaml.read(Scenario.class, "apiVersion: sandtable.dev/v1alpha1\nkind: Scenario\nmetadata: {name: bad}\nspec:\n"
                + ("duration: 2h\n" + spec).indent(2));
        ParseContext ctx = new ParseContext(ScenarioRunnerTest.platform(1, "1", "1Gi"), ScenarioFiles.NONE);
        assertThat(ScenarioParser.parse(s, ctx)).isNotNull();
        ParseContext shorter = new ParseContext(ScenarioRunnerTest.platform(1, "1", "1Gi"), ScenarioFiles.NONE);
        assertThat(ScenarioParser.parse(s, shorter, java.time.Duration.ofMinutes(30))).isNull();
        assertThat(shorter.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.message()).isEqualTo(message);
            assertThat(e.hint()).isEqualTo("use times within the run, or a longer --duration");
        });
    }

    @org.junit.jupiter.api.Test
    void theDefaultWindowOfAnExpectationIsTheRunTheOptionSets() {
        Scenario s = Yaml.read(Scenario.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata: {name: short}
                spec:
                  duration: 2h
                  expectations: [{noPendingLongerThan: 1m}]
                """);
        ParseContext ctx = new ParseContext(ScenarioRunnerTest.platform(1, "1", "1Gi"), ScenarioFiles.NONE);
        ParsedScenario parsed = ScenarioParser.parse(s, ctx, java.time.Duration.ofMinutes(30));
        assertThat(parsed.duration()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(((dev.sandtable.scenario.expectations.NoPendingLongerThan) parsed.expectations().get(0)).window()).isEqualTo(new Window(0, java.time.Duration.ofMinutes(30).toMillis()));
    }

    @ParameterizedTest(name = "a CSV trace with {0} names the file and line")
    @MethodSource("badTraces")
    void badCsvRowsAreReportedWithTheirFileAndLine(String what, List<String> lines, String message) {
        Scenario s = Yaml.read(Scenario.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: Scenario
                metadata: {name: trace}
                spec:
                  load: [{service: shop/web, profile: [{trace: {file: t.csv}}]}]
                """);
        ScenarioFiles files = new ScenarioFiles() {
            @Override
            public List<String> lines(String file) {
                return lines;
            }

            @Override
            public List<io.fabric8.kubernetes.api.model.HasMetadata> manifests(String file) {
                return List.of();
            }

            @Override
            public String display(String file) {
                return "scenarios/" + file;
            }
        };
        ParseContext ctx = new ParseContext(ScenarioRunnerTest.platform(1, "1", "1Gi"), files);
        assertThat(ScenarioParser.parse(s, ctx)).isNull();
        assertThat(ctx.errors().get(0).message()).contains(message);
    }

    static Stream<Arguments> badTraces() {
        return Stream.of(
                Arguments.of("a missing column", List.of("time,rps", "0s,10", "5m"), "scenarios/t.csv:3: expected 2 columns"),
                Arguments.of("a bad time", List.of("0s,10", "soon,20"), "scenarios/t.csv:2: invalid time \"soon\""),
                Arguments.of("a negative load", List.of("0s,10", "1m,-4"), "scenarios/t.csv:2: negative load -4"),
                Arguments.of("times going backwards", List.of("10m,10", "5m,20"), "scenarios/t.csv:2: times must increase"));
    }
}
