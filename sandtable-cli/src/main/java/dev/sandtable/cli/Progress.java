package dev.sandtable.cli;

import dev.sandtable.scenario.ScenarioRunner;
import dev.sandtable.sim.GoDurations;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A progress bar or status line on standard error, redrawn in place, shown only on a terminal and only once the
 * work has taken more than a second, so piped output never has it.
 */
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

    private long drawnNanos;
    private int lastWidth;

    /** A progress display on the command's standard error when the command runs on a terminal. */
    static Progress onTerminal(PrintWriter err) {
        return new Progress(err, isTerminal(), System.nanoTime());
    }

    /** Whether standard input and output are a terminal (Console.isTerminal on JDK 22+, where a console always exists). */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Redraws the status line with what the simulation has done so far: its simulated time against the end. */
    void simulation(String what, long simulatedMillis, long totalMillis) {
        if (due()) {
            int filled = (int) (WIDTH * Math.min(simulatedMillis, totalMillis) / Math.max(1, totalMillis));
            draw(String.format("[%s%s] %s / %s simulated, %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                    GoDurations.format(Duration.ofMillis(simulatedMillis)), GoDurations.format(Duration.ofMillis(totalMillis)), what));
        }
    }

    /** Redraws the status line with the text. */
    void status(String text) {
        if (due()) {
            draw(text);
        }
    }

    // At most ten redraws a second, and none in the first second.
    private boolean due() {
        long now = System.nanoTime();
        if (!terminal || now - startedNanos < 1_000_000_000L || now - drawnNanos < 100_000_000L) {
            return false;
        }
        drawnNanos = now;
        return true;
    }

    private void draw(String line) {
        shown = true;
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        err.flush();
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
            err.print("\r" + " ".repeat(Math.max(WIDTH + 40, lastWidth)) + "\r");
            err.flush();
        }
    }
}
