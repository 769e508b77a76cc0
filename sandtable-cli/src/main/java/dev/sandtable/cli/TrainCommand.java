package dev.sandtable.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    public Integer call() throws IOException {
        Path big = Files.createTempFile("sandtable-train", ".yaml");
        try {
            Files.writeString(big, syntheticManifests(400, 3000));
            train(List.of(List.of("schedule", big.toString())));
        } finally {
            Files.deleteIfExists(big);
        }
        train(List.of(
                List.of("check", example),
                List.of("schedule", example, "--explain"),
                List.of("run", example, "-o", "json"),
                List.of("run", example, "--scenario", "flash-sale", "--duration", "30m"),
                List.of("bench", "--nodes", "300", "--pods", "3000", "--init-pods", "0", "--repeat", "1",
                        "--workload", "BASIC,TOPOLOGY_SPREAD,NODE_AFFINITY,PREFERRED_POD_AFFINITY,REQUIRED_POD_ANTI_AFFINITY")));
        return Main.OK;
    }

    private static void train(List<List<String>> runs) {
        for (List<String> args : runs) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(new StringWriter()));
            cl.execute(args.toArray(String[]::new));
        }
    }

    /** Node and Pod YAML shaped like `kubectl get -o yaml` output, so loading large inputs is part of the training. */
    static String syntheticManifests(int nodes, int pods) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes; i++) {
            sb.append("apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n    kubernetes.io/hostname: node-").append(i)
                    .append("\n    kubernetes.io/os: linux\n  name: node-").append(i)
                    .append("\nstatus:\n  allocatable:\n    cpu: 32000m\n    memory: 131072Mi\n    pods: '110'\n")
                    .append("  capacity:\n    cpu: 32000m\n    memory: 131072Mi\n    pods: '110'\n---\n");
        }
        for (int i = 0; i < pods; i++) {
            sb.append("apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    example.com/trace: '").append(i)
                    .append("'\n  name: pod-").append(i).append("\n  namespace: train\nspec:\n  containers:\n  - image: app:1\n")
                    .append("    name: main\n    resources:\n      limits:\n        cpu: ").append(100 + i % 900)
                    .append("m\n        memory: 512Mi\n      requests:\n        cpu: ").append(100 + i % 900)
                    .append("m\n        memory: 512Mi\n  restartPolicy: Always\n---\n");
        }
        return sb.toString();
    }
}
