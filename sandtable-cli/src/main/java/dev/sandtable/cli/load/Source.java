package dev.sandtable.cli.load;

/** Text to read manifests from, and the name problems are reported under. */
record Source(String name, String text) {
}
