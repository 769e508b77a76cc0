package dev.sandtable.scenario.expectations;

import dev.sandtable.scenario.Verdict;

/** A promise a scenario checks over its run (or a window of it). */
public interface Expectation {
    /** The name shown in reports and JUnit, from the expectation's `name` or its own description. */
    String name();

    Verdict evaluate(Evidence evidence);
}
