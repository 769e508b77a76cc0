package dev.sandtable.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;
}
