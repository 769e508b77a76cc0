package dev.sandtable.cli;

import dev.sandtable.cli.load.ManifestProblem;
import dev.sandtable.cli.load.SchedulerConfigLoader;
import dev.sandtable.scheduler.StoreListers;
import dev.sandtable.scheduler.config.PluginRegistry;
import dev.sandtable.scheduler.config.ProfileConfig;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** --scheduler-config: a KubeSchedulerConfiguration file, as kube-scheduler's --config takes it. */
public final class SchedulerOptions {
    @Option(names = "--scheduler-config", paramLabel = "FILE",
            description = "A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1): profiles, plugins enabled/disabled, weights, plugin args.")
    String file;

    /** The configuration to run with, or a bad-input error naming the file and line. */
    SchedulerConfiguration configuration(PrintWriter err) {
        if (file == null) {
            return SchedulerConfiguration.defaults();
        }
        SchedulerConfigLoader.Result r = SchedulerConfigLoader.load(file);
        if (!r.errors().isEmpty()) {
            throw new BadInputException(r.errors().stream().map(ManifestProblem::format).toList());
        }
        for (ProfileConfig p : r.configuration().profiles()) {
            try {
                PluginRegistry.build(p, new StoreListers(null));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": profile " + p.schedulerName() + ": " + e.getMessage()
                        + " (hint: fix the pluginConfig args of that plugin)");
            }
        }
        r.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        return r.configuration();
    }
}
