package dev.sandtable.scheduler.config;

import java.util.List;
import java.util.Map;

/** A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) reduced to what Sandtable simulates: its profiles. */
public record SchedulerConfiguration(List<ProfileConfig> profiles) {

    /** What kube-scheduler runs with no configuration file: one default-scheduler profile with the default plugins. */
    public static SchedulerConfiguration defaults() {
        return ConfigParser.parse(Map.of()).configuration();
    }
}
