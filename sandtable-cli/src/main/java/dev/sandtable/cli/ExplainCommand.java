package dev.sandtable.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** sandtable explain: one controller decision computed from the objects given, without running a simulation. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class, subcommands = {ExplainHpaCommand.class},
        description = "Explain one controller decision from the objects given, step by step, without running a simulation.")
public final class ExplainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing what to explain: use explain hpa PATH... (sandtable explain --help)");
    }
}
