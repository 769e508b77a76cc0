package dev.sandtable.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file an option will write once the work is done (--junit), checked before the work starts so that a long run is
 * not wasted and a failed expectation's exit code is not hidden by a write error; the check creates and truncates
 * nothing.
 */
final class WritableFile {
    private WritableFile() {
    }

    /** Throws bad input, naming the option, when the file could not be written (or created) at this path. */
    static void check(Path file, String option) {
        String what = "cannot write " + option + " " + file + ": ";
        if (Files.isDirectory(file)) {
            throw new BadInputException(what + "it is a folder (hint: give a file path, e.g. " + file.resolve("report.xml") + ")");
        }
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                throw new BadInputException(what + "the file is not writable (hint: check its permissions (ls -l), or give another path)");
            }
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new BadInputException(what + "folder " + file.getParent() + " does not exist (hint: create it first, e.g. mkdir -p "
                    + file.getParent() + ", or give another path)");
        }
        if (!Files.isDirectory(parent)) {
            throw new BadInputException(what + file.getParent() + " is not a folder (hint: give a path in an existing folder)");
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException(what + "folder " + (file.getParent() == null ? "." : file.getParent())
                    + " is not writable (hint: check its permissions (ls -ld), or give another path)");
        }
    }
}
