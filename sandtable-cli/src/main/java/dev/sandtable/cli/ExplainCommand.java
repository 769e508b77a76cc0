package dev.sandtable.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** sandtable explain: why a controller decided as it did; hpa explains one HPA decision, ca the cluster autoscaler over a run. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class, subcommands = {ExplainHpaCommand.class, ExplainCaCommand.class},
        description = "Explain a controller's decisions step by step: hpa (one HorizontalPodAutoscaler decision from the objects given, "
                + "without a simulation) or ca (the cluster autoscaler over a run).")
public final class ExplainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing what to explain: use explain hpa PATH... or explain ca PATH... (sandtable explain --help)");
    }
}
