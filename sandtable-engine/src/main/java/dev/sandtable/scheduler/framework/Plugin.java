package dev.sandtable.scheduler.framework;

/** A scheduling framework plugin, known by its upstream name. */
public interface Plugin {
    String name();
}
