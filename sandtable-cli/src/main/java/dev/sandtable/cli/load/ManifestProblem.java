package dev.sandtable.cli.load;

/** A problem with the input, told in one line: where, what, and how to fix it. */
public record ManifestProblem(Location location, String message, String hint) {
    public String format() {
        String where = location == null ? "" : location.format() + ": ";
        return where + message + (hint == null || hint.isEmpty() ? "" : " (hint: " + hint + ")");
    }
}
