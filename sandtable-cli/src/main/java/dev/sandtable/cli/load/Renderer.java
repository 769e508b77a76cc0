package dev.sandtable.cli.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders kustomizations with kubectl kustomize (or kustomize build) and Helm charts with helm template, as the user's own tools would. */
final class Renderer {
    private ManifestProblem lastProblem;

    static boolean isKustomization(Path dir) {
        return Files.isRegularFile(dir.resolve("kustomization.yaml")) || Files.isRegularFile(dir.resolve("kustomization.yml"))
                || Files.isRegularFile(dir.resolve("Kustomization"));
    }

    ManifestProblem lastProblem() {
        return lastProblem;
    }

    Optional<Source> kustomize(Path dir, String name) {
        String source = "kustomize build " + name;
        if (onPath("kubectl")) {
            return run(List.of("kubectl", "kustomize", dir.toString()), source, name);
        }
        if (onPath("kustomize")) {
            return run(List.of("kustomize", "build", dir.toString()), source, name);
        }
        lastProblem = new ManifestProblem(new Location(name, 0, 0), "folder is a kustomization but neither kubectl nor kustomize is installed",
                "install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize, or pass the rendered output with -f -");
        return Optional.empty();
    }

    Optional<Source> helm(Path dir, String name) {
        if (!onPath("helm")) {
            lastProblem = new ManifestProblem(new Location(name, 0, 0), "folder is a Helm chart but helm is not installed",
                    "install Helm 3 (https://helm.sh/docs/intro/install/), or pipe `helm template` output in with -f -");
            return Optional.empty();
        }
        String release = dir.toAbsolutePath().normalize().getFileName().toString();
        return run(List.of("helm", "template", release, dir.toString()), "helm template " + name, name);
    }

    private Optional<Source> run(List<String> command, String source, String name) {
        try {
            Path out = Files.createTempFile("sandtable-render", ".yaml");
            Path err = Files.createTempFile("sandtable-render", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    lastProblem = new ManifestProblem(new Location(name, 0, 0), String.join(" ", command) + " did not finish in 120 s", "run it yourself to see why");
                    return Optional.empty();
                }
                if (p.exitValue() != 0) {
                    String msg = RenderFailure.oneLine(Files.readString(err, StandardCharsets.UTF_8));
                    lastProblem = new ManifestProblem(new Location(name, 0, 0), String.join(" ", command.subList(0, 2)) + " failed: " + msg,
                            "fix that file, or run " + String.join(" ", command) + " to see the full output");
                    return Optional.empty();
                }
                return Optional.of(new Source(source, Files.readString(out, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            lastProblem = new ManifestProblem(new Location(name, 0, 0), "cannot run " + command.get(0) + ": " + e.getMessage(), "check the installation of " + command.get(0));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastProblem = new ManifestProblem(new Location(name, 0, 0), "interrupted while rendering", "run again");
            return Optional.empty();
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, tool));
            }
        }
        return candidates.stream().anyMatch(Files::isExecutable);
    }
}
