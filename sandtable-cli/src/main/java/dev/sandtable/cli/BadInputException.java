package dev.sandtable.cli;

import java.util.List;

/** The user's input cannot be used; each line says where, what and how to fix it. Exit code 2. */
public final class BadInputException extends RuntimeException {
    private final List<String> lines;

    public BadInputException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    public BadInputException(String line) {
        this(List.of(line));
    }

    public List<String> lines() {
        return lines;
    }
}
