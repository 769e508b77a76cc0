package dev.sandtable.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns failures into one-line messages and exit codes; stack traces only with --debug. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean debug = parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
                || parseResult.hasMatchedOption("--debug");
        if (ex instanceof BadInputException bad) {
            bad.lines().forEach(l -> err.println("error: " + l));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return Main.BAD_INPUT;
        }
        err.println("internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace, and please report it)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return Main.INTERNAL_ERROR;
    }

    /** Usage errors: one line and a pointer to --help. */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            cl.getErr().println("error: " + ex.getMessage() + " (hint: " + cl.getCommandName() + " --help shows the usage)");
            cl.getErr().flush();
            return Main.BAD_INPUT;
        }
    }
}
