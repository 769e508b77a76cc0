package dev.sandtable.cli.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives into sources: files as they are, folders walked in name order
 * (.yaml, .yml, .json), kustomizations and Helm charts rendered by their own tools, "-" as stdin.
 */
final class InputCollector {
    private final Renderer renderer;
    private final Supplier<InputStream> stdin;
    final List<Source> sources = new ArrayList<>();
    final List<ManifestProblem> errors = new ArrayList<>();

    InputCollector(Renderer renderer, Supplier<InputStream> stdin) {
        this.renderer = renderer;
        this.stdin = stdin;
    }

    void collect(String arg) {
        if ("-".equals(arg)) {
            try {
                sources.add(new Source("<stdin>", new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                errors.add(new ManifestProblem(null, "cannot read standard input: " + e.getMessage(), "pipe manifests in, e.g. kubectl kustomize . | sandtable check -f -"));
            }
            return;
        }
        Path path = Path.of(arg);
        if (!Files.exists(path)) {
            errors.add(new ManifestProblem(new Location(arg, 0, 0).withoutLine(), "no such file or folder",
                    "check the path; give files, folders, or - for stdin"));
            return;
        }
        if (Files.isDirectory(path)) {
            directory(path, arg);
        } else {
            file(path, arg);
        }
    }

    private void directory(Path dir, String name) {
        if (Renderer.isKustomization(dir)) {
            renderer.kustomize(dir, name).ifPresentOrElse(sources::add, () -> errors.add(renderer.lastProblem()));
            return;
        }
        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            renderer.helm(dir, name).ifPresentOrElse(sources::add, () -> errors.add(renderer.lastProblem()));
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            errors.add(new ManifestProblem(new Location(name, 0, 0).withoutLine(), "cannot read folder: " + describe(e), "check its permissions"));
            return;
        }
        for (Path p : entries) {
            String child = join(name, p.getFileName().toString());
            if (p.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                directory(p, child);
            } else if (isManifestFile(p)) {
                file(p, child);
            }
        }
    }

    private void file(Path p, String name) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
                // Windows PowerShell 5 writes UTF-16 when output is redirected with >, a common way to end up here.
                errors.add(new ManifestProblem(new Location(name, 0, 0).withoutLine(), "file is UTF-16 text, not UTF-8",
                        "save it as UTF-8 (in PowerShell: Out-File -Encoding utf8)"));
                return;
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            sources.add(new Source(name, text));
        } catch (MalformedInputException e) {
            errors.add(new ManifestProblem(new Location(name, 0, 0).withoutLine(), "file is not UTF-8 text", "save it as UTF-8 YAML or JSON"));
        } catch (IOException e) {
            errors.add(new ManifestProblem(new Location(name, 0, 0).withoutLine(), "cannot read file: " + describe(e),
                    e instanceof AccessDeniedException ? "check its permissions (ls -l); sandtable needs read access" : "check that the file exists and is readable"));
        }
    }

    static boolean isManifestFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static String join(String parent, String child) {
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
