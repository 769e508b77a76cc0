package dev.sandtable.cli.load;

/** One YAML document of a source: its 1-based index and the 1-based line it starts on. */
record Document(Source source, int index, int startLine, String text) {
    Location at(int lineInDocument) {
        return new Location(source.name(), startLine + Math.max(lineInDocument, 1) - 1, index);
    }
}
