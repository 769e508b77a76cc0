package dev.sandtable.scheduler.config;

import dev.sandtable.api.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a KubeSchedulerConfiguration as users write it, applying kube-scheduler v1.31's defaulting and plugin-set
 * merging: per extension point, the default plugins minus the disabled ones (or all, with "*"), custom enabled
 * plugins replacing a default of the same name in place and appended otherwise; multiPoint expands to every point.
 */
public final class ConfigParser {
    public static final String API_VERSION = "kubescheduler.config.k8s.io/v1";
    public static final String KIND = "KubeSchedulerConfiguration";
    private static final Set<String> KNOWN_POINTS = Set.of("preEnqueue", "queueSort", "preFilter", "filter", "postFilter",
            "preScore", "score", "reserve", "permit", "preBind", "bind", "postBind", "multiPoint");

    private ConfigParser() {
    }

    /** The parsed configuration, or the problems with it (each with a field path), plus warnings. */
    public record Result(SchedulerConfiguration configuration, List<FieldError> errors, List<String> warnings) {
    }

    public static Result parse(Map<?, ?> doc) {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!doc.isEmpty()) {
            if (!API_VERSION.equals(doc.get("apiVersion")) || !KIND.equals(doc.get("kind"))) {
                errors.add(new FieldError("apiVersion", "not a " + KIND + " (" + API_VERSION + "): found " + doc.get("apiVersion") + " " + doc.get("kind"),
                        "start the file with apiVersion: " + API_VERSION + " and kind: " + KIND));
                return new Result(null, errors, warnings);
            }
        }
        int globalPercentage = integer(doc.get("percentageOfNodesToScore"), "percentageOfNodesToScore", errors);
        List<ProfileConfig> profiles = new ArrayList<>();
        Object rawProfiles = doc.get("profiles");
        List<?> list = rawProfiles instanceof List<?> l && !l.isEmpty() ? l : List.of(Map.of());
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = rawProfiles == null ? "" : "profiles[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> p)) {
                errors.add(new FieldError("profiles[" + i + "]", "profile must be a mapping", "give schedulerName and plugins"));
                continue;
            }
            ProfileConfig pc = profile(p, path, globalPercentage, errors, warnings);
            if (!names.add(pc.schedulerName())) {
                errors.add(new FieldError(path + "schedulerName", "duplicate profile " + pc.schedulerName(), "give each profile its own schedulerName"));
            }
            profiles.add(pc);
        }
        return new Result(errors.isEmpty() ? new SchedulerConfiguration(profiles) : null, errors, warnings);
    }

    private static ProfileConfig profile(Map<?, ?> p, String path, int globalPercentage, List<FieldError> errors, List<String> warnings) {
        String name = p.get("schedulerName") instanceof String s ? s : "default-scheduler";
        int percentage = p.containsKey("percentageOfNodesToScore")
                ? integer(p.get("percentageOfNodesToScore"), path + "percentageOfNodesToScore", errors) : globalPercentage;
        if (percentage < 0 || percentage > 100) {
            errors.add(new FieldError(path + "percentageOfNodesToScore", "percentageOfNodesToScore must be between 0 and 100, got " + percentage,
                    "use 0 for the adaptive default"));
        }
        Map<?, ?> plugins = p.get("plugins") instanceof Map<?, ?> m ? m : Map.of();
        for (Object point : plugins.keySet()) {
            if (!KNOWN_POINTS.contains(String.valueOf(point))) {
                errors.add(new FieldError(path + "plugins." + point, "unknown extension point " + point, "use one of " + KNOWN_POINTS));
            }
        }
        List<PluginSpec> multiPoint = merge(DefaultPlugins.MULTI_POINT, plugins.get("multiPoint"), path + "plugins.multiPoint", errors);
        List<String> filters = new ArrayList<>();
        for (PluginSpec s : expand(multiPoint, plugins.get("filter"), path + "plugins.filter", errors)) {
            if (DefaultPlugins.FILTERS.contains(s.name())) {
                filters.add(s.name());
            } else {
                known(s.name(), enabledAt(plugins.get("filter")), path + "plugins.filter", errors, warnings);
            }
        }
        List<PluginSpec> scores = new ArrayList<>();
        for (PluginSpec s : expand(multiPoint, plugins.get("score"), path + "plugins.score", errors)) {
            if (DefaultPlugins.SCORES.contains(s.name())) {
                scores.add(new PluginSpec(s.name(), s.weight() == 0 ? 1 : s.weight()));
            } else {
                known(s.name(), enabledAt(plugins.get("score")), path + "plugins.score", errors, warnings);
            }
        }
        Map<String, Map<String, Object>> args = new LinkedHashMap<>();
        if (p.get("pluginConfig") instanceof List<?> configs) {
            for (int i = 0; i < configs.size(); i++) {
                if (configs.get(i) instanceof Map<?, ?> c && c.get("name") instanceof String n) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    if (c.get("args") instanceof Map<?, ?> am) {
                        am.forEach((k, v) -> a.put(String.valueOf(k), v));
                    }
                    args.put(n, a);
                } else {
                    errors.add(new FieldError(path + "pluginConfig[" + i + "]", "pluginConfig entry needs a name", "e.g. - name: NodeResourcesFit"));
                }
            }
        }
        List<String> postFilters = new ArrayList<>();
        for (PluginSpec s : expand(multiPoint, plugins.get("postFilter"), path + "plugins.postFilter", errors)) {
            if (DefaultPlugins.POST_FILTERS.contains(s.name())) {
                postFilters.add(s.name());
            } else {
                known(s.name(), enabledAt(plugins.get("postFilter")), path + "plugins.postFilter", errors, warnings);
            }
        }
        return new ProfileConfig(name, filters, scores, postFilters, args, percentage);
    }

    /**
     * expandMultiPointPlugins for one extension point: plugins enabled at the point that multiPoint also has come
     * first (in the point's order, with the point's weight), then the rest of multiPoint not disabled at the point,
     * then the point's other plugins.
     */
    static List<PluginSpec> expand(List<PluginSpec> multiPoint, Object pointSet, String path, List<FieldError> errors) {
        if (!(pointSet instanceof Map<?, ?> set)) {
            return multiPoint;
        }
        Set<String> disabled = new LinkedHashSet<>();
        for (PluginSpec s : specs(set.get("disabled"), path + ".disabled", errors)) {
            disabled.add(s.name());
        }
        List<PluginSpec> enabled = specs(set.get("enabled"), path + ".enabled", errors);
        Set<String> enabledNames = new LinkedHashSet<>();
        enabled.forEach(s -> enabledNames.add(s.name()));
        Set<String> inMultiPoint = new LinkedHashSet<>();
        multiPoint.forEach(s -> inMultiPoint.add(s.name()));
        List<PluginSpec> out = new ArrayList<>();
        for (PluginSpec e : enabled) {
            if (inMultiPoint.contains(e.name())) {
                out.add(e);
            }
        }
        if (!disabled.contains("*")) {
            for (PluginSpec m : multiPoint) {
                if (!enabledNames.contains(m.name()) && !disabled.contains(m.name())) {
                    out.add(m);
                }
            }
        }
        for (PluginSpec e : enabled) {
            if (!inMultiPoint.contains(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Upstream's mergePluginSet: defaults minus disabled, custom enabled replacing in place or appended. */
    static List<PluginSpec> merge(List<PluginSpec> defaults, Object customSet, String path, List<FieldError> errors) {
        if (!(customSet instanceof Map<?, ?> set)) {
            return defaults;
        }
        Set<String> disabled = new LinkedHashSet<>();
        for (PluginSpec s : specs(set.get("disabled"), path + ".disabled", errors)) {
            disabled.add(s.name());
        }
        List<PluginSpec> enabled = specs(set.get("enabled"), path + ".enabled", errors);
        Map<String, PluginSpec> custom = new LinkedHashMap<>();
        enabled.forEach(s -> custom.put(s.name(), s));
        List<PluginSpec> out = new ArrayList<>();
        if (!disabled.contains("*")) {
            for (PluginSpec d : defaults) {
                if (disabled.contains(d.name())) {
                    continue;
                }
                PluginSpec c = custom.remove(d.name());
                out.add(c == null ? d : c);
            }
        }
        out.addAll(custom.values());
        return out;
    }

    private static List<PluginSpec> specs(Object raw, String path, List<FieldError> errors) {
        List<PluginSpec> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                    out.add(new PluginSpec(n, integer(m.get("weight"), path + "[" + i + "].weight", errors)));
                } else {
                    errors.add(new FieldError(path + "[" + i + "]", "plugin entry needs a name", "e.g. - name: NodeResourcesFit"));
                }
            }
        }
        return out;
    }

    /** The plugin names a point's own set enables, as opposed to those multiPoint brings to every point. */
    private static Set<String> enabledAt(Object pointSet) {
        Set<String> names = new LinkedHashSet<>();
        if (pointSet instanceof Map<?, ?> set && set.get("enabled") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private static void known(String name, Set<String> enabledAtPoint, String path, List<FieldError> errors, List<String> warnings) {
        if (DefaultPlugins.NOT_SIMULATED.contains(name)) {
            return;
        }
        if (union().contains(name)) {
            // multiPoint enables a plugin at the points it implements only; naming it at another point is the user's slip.
            if (enabledAtPoint.contains(name)) {
                warnings.add(name + " has no such extension point; ignored at " + path);
            }
            return;
        }
        errors.add(new FieldError(path, "unknown plugin " + name, "Sandtable simulates " + String.join(", ", new TreeSet<>(union()))));
    }

    private static Set<String> union() {
        Set<String> all = new LinkedHashSet<>(DefaultPlugins.FILTERS);
        all.addAll(DefaultPlugins.SCORES);
        all.addAll(DefaultPlugins.POST_FILTERS);
        return all;
    }

    private static int integer(Object v, String path, List<FieldError> errors) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        errors.add(new FieldError(path, "expected a number, got " + v, "write an integer"));
        return 0;
    }
}
