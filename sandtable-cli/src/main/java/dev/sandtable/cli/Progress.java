package dev.sandtable.cli;

import dev.sandtable.scenario.ScenarioRunner;
import dev.sandtable.sim.GoDurations;
import java.io.PrintWriter;
import java.time.Duration;

/** A progress bar on standard error, shown only on a terminal and only once a run has taken more than a second. */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startedNanos;
    private boolean shown;

    Progress(PrintWriter err, boolean terminal, long startedNanos) {
        this.err = err;
        this.terminal = terminal;
        this.startedNanos = startedNanos;
    }

    void update(ScenarioRunner.Progress p) {
        if (!terminal || System.nanoTime() - startedNanos < 1_000_000_000L) {
            return;
        }
        shown = true;
        int filled = (int) (WIDTH * p.simulatedMillis() / Math.max(1, p.totalMillis()));
        err.printf("\r[%s%s] %3d%% %s / %s", "#".repeat(filled), " ".repeat(WIDTH - filled), 100 * p.simulatedMillis() / Math.max(1, p.totalMillis()),
                GoDurations.format(Duration.ofMillis(p.simulatedMillis())), GoDurations.format(Duration.ofMillis(p.totalMillis())));
        err.flush();
    }

    void done() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
