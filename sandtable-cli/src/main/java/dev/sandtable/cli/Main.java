package dev.sandtable.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The sandtable command line: a digital twin of a Kubernetes platform, run in simulated time. */
@Command(name = "sandtable", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulates a Kubernetes platform from its real manifests and node pools.",
        subcommands = {RunCommand.class, ScheduleCommand.class, CheckCommand.class, BenchCommand.class, TrainCommand.class, ReachCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, every expectation held", "1:an expectation failed", "2:bad input or usage", "3:internal error"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int EXPECTATION_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.Usage());
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use run or check (sandtable --help lists them)");
    }
}
