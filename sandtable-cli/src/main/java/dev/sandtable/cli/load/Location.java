package dev.sandtable.cli.load;

/** Where an object or a problem is: source (file path, "<stdin>" or a rendering), 1-based line and document number. */
public record Location(String source, int line, int document) {
    /** A location that names only the source, for problems with a whole file or folder. */
    public Location withoutLine() {
        return new Location(source, 0, 0);
    }

    public String format() {
        String where = line > 0 ? source + ":" + line : source;
        return where + (document > 0 ? " (document " + document + ")" : "");
    }
}
