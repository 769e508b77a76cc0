package dev.sandtable.scenario;

import dev.sandtable.metrics.LoadProfile;
import dev.sandtable.metrics.LoadTarget;
import dev.sandtable.metrics.UsageModel;
import dev.sandtable.scenario.events.EventType;
import dev.sandtable.scenario.events.ScenarioEvent;
import dev.sandtable.scenario.expectations.Expectation;
import dev.sandtable.scenario.expectations.ExpectationType;
import dev.sandtable.scenario.expectations.ExpressionExpectation;
import dev.sandtable.sim.GoDurations;
import dev.sandtable.sim.SimClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a Scenario against the platform it will run on, reporting every problem with its field path. */
public final class ScenarioParser {
    static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    static final Duration DEFAULT_RESOLUTION = Duration.ofMinutes(1);
    /** The platform runs this long before the scenario's time 0, so it starts from a running cluster. */
    static final Duration DEFAULT_WARMUP = Duration.ofMinutes(10);
    private static final Set<String> EVENT_RESERVED = Set.of("at");
    private static final Set<String> EXPECTATION_RESERVED = Set.of("name", "window");

    private ScenarioParser() {
    }

    /** The scenario, or null when ctx.errors() says why not. */
    public static ParsedScenario parse(Scenario scenario, ParseContext ctx) {
        return parse(scenario, ctx, null);
    }

    /**
     * The scenario run for the given duration instead of its own (the --duration option, when not null), or null when
     * ctx.errors() says why not: every time in it must then lie within that duration.
     */
    public static ParsedScenario parse(Scenario scenario, ParseContext ctx, Duration durationOption) {
        ScenarioSpec s = scenario.getSpec();
        Duration duration = s.duration() == null ? DEFAULT_DURATION : ctx.duration(s.duration(), "spec.duration");
        if (duration != null && duration.isZero()) {
            ctx.error("spec.duration", "duration must be positive", "e.g. duration: 24h");
            duration = null;
        }
        if (durationOption != null) {
            duration = durationOption;
            ctx.setDuration(duration, "--duration");
        } else if (duration != null) {
            ctx.setDuration(duration, "spec.duration");
        }
        Duration resolution = s.resolution() == null ? DEFAULT_RESOLUTION : ctx.duration(s.resolution(), "spec.resolution");
        if (resolution != null && (resolution.toMillis() < 1000 || duration != null && resolution.compareTo(duration) > 0)) {
            ctx.error("spec.resolution", "resolution must be between 1s and the duration", "e.g. resolution: 1m (or 1s for fine detail)");
            resolution = null;
        }
        Duration warmup = s.warmup() == null ? DEFAULT_WARMUP : ctx.duration(s.warmup(), "spec.warmup");
        java.time.Instant epoch = SimClock.DEFAULT_EPOCH;
        if (s.startTime() != null) {
            try {
                LocalTime t = LocalTime.parse(s.startTime().length() == 5 ? s.startTime() : s.startTime());
                epoch = SimClock.DEFAULT_EPOCH.plusSeconds(t.toSecondOfDay());
            } catch (DateTimeParseException e) {
                ctx.error("spec.startTime", "invalid time of day \"" + s.startTime() + "\"", "write HH:MM, e.g. startTime: \"06:00\"");
            }
        }
        List<LoadTarget> targets = new ArrayList<>();
        List<String> loadedKeys = new ArrayList<>();
        if (s.load() != null) {
            for (int i = 0; i < s.load().size(); i++) {
                LoadTarget t = target(s.load().get(i), ctx, "spec.load[" + i + "]");
                if (t != null) {
                    if (loadedKeys.contains(t.seriesKey())) {
                        ctx.error("spec.load[" + i + "]", "load for " + t.seriesKey() + " is given twice", "put all its profiles in one entry");
                    }
                    targets.add(t);
                    loadedKeys.add(t.seriesKey());
                }
            }
        }
        List<ParsedScenario.TimedEvent> events = new ArrayList<>();
        Map<String, EventType> eventTypes = EventType.all();
        if (s.events() != null) {
            for (int i = 0; i < s.events().size(); i++) {
                String path = "spec.events[" + i + "]";
                Map<String, Object> e = s.events().get(i);
                Duration at = e.get("at") == null ? null : ctx.time(e.get("at"), path + ".at");
                if (e.get("at") == null) {
                    ctx.error(path, "event has no time", "add at: 10m");
                }
                var typed = ctx.typeEntry(e, EVENT_RESERVED, eventTypes.keySet(), path, "event");
                if (typed.isEmpty()) {
                    continue;
                }
                ScenarioEvent ev = eventTypes.get(typed.get().getKey()).parse(typed.get().getValue(), ctx, path + "." + typed.get().getKey());
                if (ev != null && at != null) {
                    events.add(new ParsedScenario.TimedEvent(at, ev));
                }
            }
        }
        List<Expectation> expectations = new ArrayList<>();
        Map<String, ExpectationType> expectationTypes = ExpectationType.all();
        if (s.expectations() != null) {
            for (int i = 0; i < s.expectations().size(); i++) {
                String path = "spec.expectations[" + i + "]";
                Map<String, Object> e = s.expectations().get(i);
                Window window = window(e.get("window"), ctx, path + ".window");
                var typed = ctx.typeEntry(e, EXPECTATION_RESERVED, expectationTypes.keySet(), path, "expectation");
                if (typed.isEmpty() || window == null) {
                    continue;
                }
                String name = e.get("name") == null ? null : String.valueOf(e.get("name"));
                Expectation x = expectationTypes.get(typed.get().getKey()).parse(typed.get().getValue(), name, window, ctx, path + "." + typed.get().getKey());
                if (x instanceof ExpressionExpectation ex) {
                    String problem = SeriesNames.problem(ex.series(), ctx, loadedKeys, customMetrics(targets));
                    if (problem != null) {
                        ctx.error(path + ".expression", "expression reads a series that does not exist: " + problem, "check the series name");
                        continue;
                    }
                }
                if (x != null) {
                    expectations.add(x);
                }
            }
        }
        List<ParsedScenario.ExternalMetric> externalMetrics = new ArrayList<>();
        if (s.externalMetrics() != null) {
            for (int i = 0; i < s.externalMetrics().size(); i++) {
                ParsedScenario.ExternalMetric m = external(s.externalMetrics().get(i), ctx, "spec.externalMetrics[" + i + "]", loadedKeys, targets);
                if (m != null) {
                    externalMetrics.add(m);
                }
            }
        }
        if (!ctx.errors().isEmpty()) {
            return null;
        }
        long seed = s.seed() == null ? 1 : s.seed();
        events.sort(java.util.Comparator.comparing(ParsedScenario.TimedEvent::at));
        return new ParsedScenario(scenario.getMetadata().getName(), duration, seed, epoch.minus(warmup), warmup, resolution, targets, events, expectations,
                externalMetrics);
    }

    private static final java.util.regex.Pattern METRIC_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*");

    private static ParsedScenario.ExternalMetric external(ScenarioSpec.ExternalMetricSpec e, ParseContext ctx, String path, List<String> loadedKeys,
                                                          List<LoadTarget> targets) {
        if (e.name() == null || !METRIC_NAME.matcher(e.name()).matches()) {
            ctx.error(path + ".name", e.name() == null ? "external metric has no name" : "invalid metric name \"" + e.name() + "\"",
                    "e.g. name: celery_queue_length");
            return null;
        }
        if ((e.profile() == null) == (e.series() == null)) {
            ctx.error(path, "external metric needs exactly one of profile or series", "e.g. profile: [{trace: queue.csv}] or series: workload[ns/worker].dropped");
            return null;
        }
        if (e.series() != null) {
            String problem = SeriesNames.problem(e.series(), ctx, loadedKeys, customMetrics(targets));
            if (problem != null) {
                ctx.error(path + ".series", "external metric reads a series that does not exist: " + problem, "check the series name");
                return null;
            }
            return new ParsedScenario.ExternalMetric(e.name(), e.labels() == null ? Map.of() : e.labels(), null, e.series());
        }
        LoadProfile p = profiles(e.profile(), ctx, path + ".profile");
        return p == null ? null : new ParsedScenario.ExternalMetric(e.name(), e.labels() == null ? Map.of() : e.labels(), p, null);
    }

    private static Map<String, List<String>> customMetrics(List<LoadTarget> targets) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (LoadTarget t : targets) {
            out.put(t.seriesKey(), t.usage().customMetrics().stream().map(UsageModel.CustomMetric::name).toList());
        }
        return out;
    }

    private static Window window(Object raw, ParseContext ctx, String path) {
        if (raw == null) {
            return new Window(0, ctx.duration().toMillis());
        }
        if (!(raw instanceof Map<?, ?> m)) {
            ctx.error(path, "window must be {from, to}", "e.g. window: {from: 1h, to: 2h}");
            return null;
        }
        Duration from = m.get("from") == null ? Duration.ZERO : ctx.duration(m.get("from"), path + ".from");
        Duration to = m.get("to") == null ? ctx.duration() : ctx.duration(m.get("to"), path + ".to");
        if (from == null || to == null) {
            return null;
        }
        if (from.compareTo(to) > 0) {
            ctx.error(path, "window ends before it starts", "make from earlier than to");
            return null;
        }
        // A window (partly) beyond the run would be judged on samples that never exist, and could pass unseen.
        if (from.compareTo(ctx.duration()) > 0) {
            ctx.afterTheEnd(path + ".from", "window " + GoDurations.format(from) + "-" + GoDurations.format(to) + " lies entirely");
            return null;
        }
        if (to.compareTo(ctx.duration()) > 0) {
            ctx.afterTheEnd(path + ".to", "window " + GoDurations.format(from) + "-" + GoDurations.format(to) + " goes on");
            return null;
        }
        return new Window(from.toMillis(), to.toMillis());
    }

    private static LoadTarget target(ScenarioSpec.LoadSpec l, ParseContext ctx, String path) {
        if ((l.service() == null) == (l.workload() == null)) {
            ctx.error(path, "load needs exactly one of service or workload", "e.g. service: shop/web");
            return null;
        }
        LoadProfile demand = profiles(l.profile(), ctx, path + ".profile");
        UsageModel usage = usage(l.usage(), ctx, path + ".usage");
        if (l.service() != null) {
            return ctx.service(l.service(), path + ".service").map(id -> new LoadTarget(LoadTarget.Kind.SERVICE, id.substring(0, id.indexOf('/')),
                    id.substring(id.indexOf('/') + 1), ctx.serviceSelector(id), demand, usage)).filter(t -> demand != null && usage != null).orElse(null);
        }
        return ctx.workload(l.workload(), path + ".workload").map(w -> new LoadTarget(LoadTarget.Kind.WORKLOAD, w.namespace(), w.name(),
                w.selector(), demand, usage)).filter(t -> demand != null && usage != null).orElse(null);
    }

    static LoadProfile profiles(List<Map<String, Object>> raw, ParseContext ctx, String path) {
        if (raw == null || raw.isEmpty()) {
            ctx.error(path, "load has no profile", "e.g. profile: [{constant: 100}]");
            return null;
        }
        List<LoadProfile> parts = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < raw.size(); i++) {
            LoadProfile p = LoadProfiles.parse(raw.get(i), ctx, path + "[" + i + "]");
            ok &= p != null;
            if (p != null) {
                parts.add(p);
            }
        }
        return ok ? new LoadProfile.Sum(parts) : null;
    }

    private static UsageModel usage(ScenarioSpec.UsageSpec u, ParseContext ctx, String path) {
        UsageModel d = UsageModel.DEFAULT;
        if (u == null) {
            return d;
        }
        BigDecimal cpu = u.cpuPerRequest() == null ? null : ctx.quantity(u.cpuPerRequest(), path + ".cpuPerRequest");
        BigDecimal base = u.cpuBase() == null ? null : ctx.quantity(u.cpuBase(), path + ".cpuBase");
        BigDecimal memBase = u.memoryBase() == null ? null : ctx.quantity(u.memoryBase(), path + ".memoryBase");
        BigDecimal memPer = u.memoryPerRequest() == null ? null : ctx.quantity(u.memoryPerRequest(), path + ".memoryPerRequest");
        List<UsageModel.CustomMetric> metrics = d.customMetrics();
        if (u.customMetrics() != null) {
            metrics = new ArrayList<>();
            for (ScenarioSpec.CustomMetricSpec m : u.customMetrics()) {
                metrics.add(new UsageModel.CustomMetric(m.name(), m.perRequest() == null ? 1 : m.perRequest()));
            }
        }
        return new UsageModel(
                cpu == null ? d.cpuMillisPerRps() : cpu.doubleValue() * 1000,
                base == null ? d.cpuBaseMillis() : base.doubleValue() * 1000,
                memBase == null ? 0 : memBase.longValue(),
                memBase == null,
                memPer == null ? d.memoryBytesPerRps() : memPer.doubleValue(),
                metrics);
    }
}
