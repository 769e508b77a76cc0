package dev.sandtable.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The sandtable command line: a digital twin of a Kubernetes platform, run in simulated time. */
@Command(name = "sandtable", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulates a Kubernetes platform from its real manifests and node pools.",
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

    /** The subcommands, in the order help lists them. */
    private static final List<String> COMMANDS = List.of("run", "schedule", "check", "explain", "bench", "__train", "reach", "help");

    // A switch, not a map of constructor references: the JDK 25 start-up cache cannot hold a method handle to
    // picocli's classes (compiled for Java 5, so never archived) and the JVM fails while writing the cache.
    private static Object newCommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "schedule" -> new ScheduleCommand();
            case "check" -> new CheckCommand();
            case "bench" -> new BenchCommand();
            case "__train" -> new TrainCommand();
            case "reach" -> new ReachCommand();
            case "explain" -> new ExplainCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    public static int execute(String... args) {
        return commandLine(args.length == 0 ? null : args[0]).execute(args);
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for arguments starting with first: when that names a subcommand, only that one is built, as
     * picocli reads the annotations of every command it is given up front (about 0.1 s of a cold start for all).
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        if (first != null && !first.equals("help") && COMMANDS.contains(first)) {
            cl.addSubcommand(newCommand(first));
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(newCommand(name));
            }
        }
        // Set after the subcommands are added: picocli passes these settings down only to subcommands present.
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.Usage());
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use run or check (sandtable --help lists them)");
    }
}
