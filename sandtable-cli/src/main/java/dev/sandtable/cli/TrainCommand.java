package dev.sandtable.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden: the training run the launcher records a JDK AOT cache from (JDK 25+), exercising loading, scheduling,
 * simulation and scenarios on the bundled example so later starts skip class loading and warm-up.
 */
@Command(name = "__train", hidden = true, description = "Exercise every command once (used by bin/sandtable to build the start-up cache).")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXAMPLE", description = "The bundled quickstart example folder.")
    String example;

    @Override
    public Integer call() {
        List<List<String>> runs = List.of(
                List.of("check", example),
                List.of("schedule", example, "--explain"),
                List.of("run", example, "-o", "json"),
                List.of("run", example, "--scenario", "flash-sale", "--duration", "30m"),
                List.of("bench", "--nodes", "300", "--pods", "3000", "--init-pods", "0", "--repeat", "1",
                        "--workload", "BASIC,TOPOLOGY_SPREAD,NODE_AFFINITY,PREFERRED_POD_AFFINITY,REQUIRED_POD_ANTI_AFFINITY"));
        for (List<String> args : runs) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(new StringWriter()));
            cl.execute(args.toArray(String[]::new));
        }
        return Main.OK;
    }
}
