package dev.sandtable.cli;

import dev.sandtable.cli.ReachTargets.Target;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.cli.report.ReachDot;
import dev.sandtable.cli.report.ReachQuery;
import dev.sandtable.cli.report.ReachReport;
import dev.sandtable.cli.report.ReachText;
import dev.sandtable.api.Pods;
import dev.sandtable.engine.Simulation;
import dev.sandtable.kubelet.KubeletTiming;
import dev.sandtable.api.Ip;
import dev.sandtable.network.NetworkSnapshot;
import dev.sandtable.network.NetworkSnapshots;
import dev.sandtable.network.PolicyCoverage;
import dev.sandtable.network.PolicyEngine;
import dev.sandtable.network.PortSpec;
import dev.sandtable.network.ReachabilityMatrix;
import dev.sandtable.network.WorkloadView;
import dev.sandtable.network.istio.Mesh;
import dev.sandtable.network.istio.MeshMatrix;
import dev.sandtable.scheduler.config.SchedulerConfiguration;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** sandtable reach: which workloads may connect to which under the platform's NetworkPolicies, and why. */
@Command(name = "reach", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Show the connections the NetworkPolicies of the platform allow between workloads (and to and from the world), with ports.",
                "With --from and --to, say whether that connection is allowed and which policies and rules decided it on each side."})
public final class ReachCommand implements Callable<Integer> {
    /** How long controllers may take to create and start every pod. */
    static final Duration SETTLE_LIMIT = Duration.ofHours(1);

    @Mixin
    Inputs inputs;

    @Mixin
    CommonOptions common;

    @Option(names = "--from", paramLabel = "WORKLOAD", description = "Source: KIND/NAMESPACE/NAME, NAMESPACE/NAME or NAME of a workload, Service/NAMESPACE/NAME, "
            + "a pod name, world, dns, or an IP address. Alone, lists what it can reach.")
    String from;

    @Option(names = "--to", paramLabel = "WORKLOAD", description = "Destination, as --from; through a Service, its endpoints and target ports are judged. "
            + "Alone, lists what can reach it.")
    String to;

    @Option(names = "--port", paramLabel = "PORT", description = "With --from and --to: a port number or name, optionally /tcp, /udp or /sctp (default TCP), "
            + "e.g. 8000, 53/udp, http; for a Service, one of its ports.")
    String port;

    @Option(names = "--expect", paramLabel = "VERDICT", description = "With --from and --to: allowed or denied; exit 1 when the verdict differs.")
    Expectation expect;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the simulation that starts the pods (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text, json, dot or md (default: ${DEFAULT-VALUE}).")
    Format output;

    @Spec
    CommandSpec spec;

    /** Output formats of reach. */
    public enum Format { text, json, dot, md }

    /** What --expect accepts. */
    public enum Expectation { allowed, denied }

    @Override
    public Integer call() {
        boolean query = from != null && to != null;
        if (!query && (port != null || expect != null)) {
            throw new BadInputException((port != null ? "--port" : "--expect") + " needs both --from and --to (hint: e.g. --from frontend --to api --port 8000)");
        }
        PortSpec portSpec = port == null ? null : ReachTargets.port(port);
        Manifests m = inputs.load(() -> System.in);
        Simulation sim = new Simulation(seed, KubeletTiming.INSTANT, SchedulerConfiguration.defaults());
        sim.apply(m.all());
        sim.settle(SETTLE_LIMIT);
        NetworkSnapshot.Builder builder = NetworkSnapshots.builderFromStore(sim.store(), true);
        NetworkSnapshot snapshot = builder.build();
        for (String address : new String[] {from, to}) {
            if (ReachTargets.isAddress(address) && snapshot.endpoints().stream().noneMatch(e -> Ip.parse(address).equals(e.ip()))) {
                builder.external(address, address);
                snapshot = builder.build();
            }
        }
        PolicyEngine engine = new PolicyEngine(snapshot);
        WorkloadView view = WorkloadView.of(snapshot);
        Mesh mesh = Mesh.of(snapshot, sim.store().list(Pod.class).stream().filter(Pods::isActive).toList(), m.all());
        if (!mesh.active()) {
            mesh = null;
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ReachTargets.Completed> completed = ReachTargets.completed(sim.store());
        if (query) {
            Target source = ReachTargets.resolve("--from", from, snapshot, view, completed);
            Target destination = ReachTargets.resolve("--to", to, snapshot, view, completed);
            ReachQuery q = ReachQueries.query(Version.version(), engine, mesh, source, destination, portSpec);
            out.print(switch (output) {
                case json -> RunCommand.json(q) + "\n";
                case dot -> ReachDot.render(q);
                case md -> ReachText.markdown(q);
                case text -> ReachText.render(q);
            });
            out.flush();
            if (expect != null && !q.verdict().equals(expect.name())) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("expectation failed: expected " + expect + ", got " + q.verdict());
                err.flush();
                return Main.EXPECTATION_FAILED;
            }
            return Main.OK;
        }
        ReachabilityMatrix matrix = ReachabilityMatrix.compute(engine, view);
        ReachReport report = mesh == null ? ReachReport.of(Version.version(), engine, matrix, PolicyCoverage.of(snapshot, view))
                : ReachReport.of(Version.version(), engine, matrix, MeshMatrix.edges(engine, matrix, mesh), List.of(meshNote(mesh, view)),
                PolicyCoverage.of(snapshot, view));
        if (from != null || to != null) {
            report = only(report, from != null ? ReachTargets.resolve("--from", from, snapshot, view, completed) : null,
                    to != null ? ReachTargets.resolve("--to", to, snapshot, view, completed) : null, view);
        }
        out.print(switch (output) {
            case json -> RunCommand.json(report) + "\n";
            case dot -> ReachDot.render(report);
            case md -> ReachText.markdown(report);
            case text -> ReachText.render(report);
        });
        out.flush();
        return Main.OK;
    }

    private static String meshNote(Mesh mesh, WorkloadView view) {
        List<String> withSidecar = view.workloads().stream().filter(w -> w.running() && mesh.sidecar(w.endpoints().get(0)))
                .map(w -> w.key().path()).toList();
        return "Istio: sidecars on " + String.join(", ", withSidecar) + "; " + mesh.peerAuthentications().size() + " PeerAuthentication(s), "
                + mesh.authorizationPolicies().size() + " AuthorizationPolicy(ies) applied to TCP";
    }

    /** The report narrowed to the connections out of one workload, or into one. */
    private static ReachReport only(ReachReport r, Target source, Target destination, WorkloadView view) {
        String fromId = source == null ? null : view.of(source.endpoints().get(0)).key().qualified();
        String toId = destination == null ? null : view.of(destination.endpoints().get(0)).key().qualified();
        List<ReachReport.EdgeRow> edges = r.edges().stream()
                .filter(e -> (fromId == null || e.from().equals(fromId)) && (toId == null || e.to().equals(toId))).toList();
        return new ReachReport(r.version(), r.world(), r.policies(), r.notes(), r.workloads(), edges, r.warnings());
    }
}
