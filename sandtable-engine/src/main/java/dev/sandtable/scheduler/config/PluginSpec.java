package dev.sandtable.scheduler.config;

/** A plugin as a profile enables it: its name and, for score plugins, its weight (0 means the default). */
public record PluginSpec(String name, int weight) {
}
