package dev.sandtable.scenario;

/**
 * The outcome of one expectation: whether it held, a one-line account, and for a failure when it first broke
 * (offset from the start) and by how much.
 */
public record Verdict(String name, String type, boolean passed, String detail, Long atMillis, String by) {
}
