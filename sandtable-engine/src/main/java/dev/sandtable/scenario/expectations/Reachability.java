package dev.sandtable.scenario.expectations;

import dev.sandtable.api.FieldError;
import dev.sandtable.network.PortSet;
import dev.sandtable.network.PortSpec;
import dev.sandtable.network.Protocol;
import dev.sandtable.network.Workload;
import dev.sandtable.network.WorkloadKey;
import dev.sandtable.scenario.ParseContext;
import dev.sandtable.scenario.Verdict;
import dev.sandtable.scenario.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** reachability: a NetworkPolicy intent (a connection allowed or denied, onlyTo, onlyFrom) judged on the cluster at the end of the run. */
public record Reachability(String name, Target from, Target to, PortSet ports, Boolean allowed, List<Allowance> only) implements Expectation {
    private static final int LISTED = 5;

    /** What a name in an intent stands for. */
    public enum Kind { WORKLOAD, DNS, WORLD, EVERY }

    /** One side of an intent as written, and what it names (the workload only for {@link Kind#WORKLOAD}). */
    public record Target(String text, Kind kind, WorkloadKey workload) {
    }

    /** An entry of onlyTo or onlyFrom as written: a target and the ports it may be reached on (or reach on); every port when none is given. */
    public record Allowance(String text, Target target, PortSet ports) {
    }

    @Override
    public Verdict evaluate(Evidence evidence) {
        if (evidence.simulation() == null) {
            return fail("no cluster to judge: the run kept no simulation");
        }
        ClusterReach reach = ClusterReach.of(evidence);
        if (only == null) {
            return connection(reach);
        }
        return from != null ? onlyConnections(reach, from, true) : onlyConnections(reach, to, false);
    }

    private Verdict connection(ClusterReach reach) {
        List<Workload> sources = reach.workloads(from);
        List<Workload> destinations = reach.workloads(to);
        if (allowed) {
            String missing = missing(from, sources);
            missing = missing != null ? missing : missing(to, destinations);
            if (missing != null) {
                return fail(missing + ", so " + from.text() + " cannot reach " + to.text());
            }
        }
        boolean every = from.kind() == Kind.EVERY || to.kind() == Kind.EVERY;
        List<String> judged = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int withoutPair = 0;
        int[] example = null;
        for (Workload s : sources) {
            for (Workload d : destinations) {
                if (every && s.index() == d.index()) {
                    continue;
                }
                String pair = s.key() + " -> " + d.key();
                if (!ClusterReach.hasPair(s, d)) {
                    if (allowed) {
                        broken.add(pair + " (no pod pair: " + (s.running() && d.running() ? "a single pod" : "no running pod") + ")");
                        withoutPair++;
                    }
                    continue;
                }
                judged.add(pair);
                int[] counter = allowed ? reach.refusingPair(s, d, ports) : reach.allowingPair(s, d, ports);
                if (counter != null) {
                    broken.add(pair);
                    example = example == null ? counter : example;
                }
            }
        }
        if (broken.isEmpty()) {
            return pass((allowed ? "every pod pair may open " + portPhrase(true) : "no pod pair may open " + portPhrase(false))
                    + (judged.isEmpty() ? " (no pod pairs to judge)" : ": " + list(judged)));
        }
        String summary = allowed ? "not every pod pair may open " + portPhrase(true) : "some pod pair may open " + portPhrase(false);
        int total = judged.size() + withoutPair;
        String account = summary + ": " + list(broken) + (total == 1 ? "" : " (" + broken.size() + " of " + total + " workload pairs)");
        if (example != null) {
            account += "; counterexample: " + (allowed ? reach.whyDenied(example, ports) : reach.whyAllowed(example, ports));
        }
        return fail(account);
    }

    /** onlyTo (outgoing: the subject reaches only the listed targets) or onlyFrom (the subject is reached only by the listed sources). */
    private Verdict onlyConnections(ClusterReach reach, Target subject, boolean outgoing) {
        List<Workload> subjects = reach.workloads(subject).stream().filter(Workload::running).toList();
        if (subjects.isEmpty()) {
            return pass(subject.text() + " has no running pod at the end of the run, so it " + (outgoing ? "reaches" : "is reached by") + " nothing");
        }
        Map<Integer, PortSet> permitted = new HashMap<>();
        for (Allowance a : only) {
            reach.workloads(a.target()).forEach(w -> permitted.merge(w.index(), a.ports(), PortSet::union));
        }
        List<String> reached = new ArrayList<>();
        List<String> unwanted = new ArrayList<>();
        int[] example = null;
        PortSet exampleSet = null;
        for (Workload self : subjects) {
            for (Workload other : reach.view().workloads()) {
                Workload s = outgoing ? self : other;
                Workload d = outgoing ? other : self;
                if (!ClusterReach.hasPair(s, d)) {
                    continue;
                }
                PortSet open = reach.unionPorts(s, d).intersect(ports);
                PortSet extra = open.minus(permitted.getOrDefault(other.index(), PortSet.NONE));
                int[] counter = extra.isEmpty() ? null : reach.allowingPair(s, d, extra);
                String pair = s.key() + " -> " + d.key();
                if (counter != null) {
                    unwanted.add(pair + " (" + (s.index() == d.index() ? reach.pairPorts(counter).intersect(extra) : extra) + ")");
                    if (example == null) {
                        example = counter;
                        exampleSet = extra;
                    }
                } else if (!open.isEmpty() && (s.index() != d.index() || reach.allowingPair(s, d, open) != null)) {
                    reached.add((subjects.size() == 1 ? other.key().toString() : pair) + " (" + open + ")");
                }
            }
        }
        if (unwanted.isEmpty()) {
            String what = subjects.size() == 1 ? subjects.get(0).key().toString() : "the " + subjects.size() + " workloads of " + subject.text();
            return pass(what + (outgoing ? " reach" + (subjects.size() == 1 ? "es" : "") + " only " : (subjects.size() == 1 ? " is" : " are") + " reached only by ")
                    + (reached.isEmpty() ? "nothing" : list(reached)) + (ports.isAll() ? "" : " on " + portPhrase(false)));
        }
        return fail(unwanted.size() + (unwanted.size() == 1 ? " connection" : " connections") + " beyond the intent: " + list(unwanted)
                + "; counterexample: " + reach.whyAllowed(example, exampleSet));
    }

    private static String missing(Target t, List<Workload> found) {
        if (t.kind() != Kind.WORKLOAD) {
            return null;
        }
        if (found.isEmpty()) {
            return t.text() + " has no pods at the end of the run";
        }
        Workload w = found.get(0);
        return w.running() ? null : w.key() + " has no running pod (" + w.pendingPods() + " pending)";
    }

    /** "TCP 5432", or for a protocol or no port: "some UDP port" / "any UDP port", "some port" / "any port". */
    private String portPhrase(boolean some) {
        String quantifier = some ? "some " : "any ";
        if (ports.isAll()) {
            return quantifier + "port";
        }
        for (Protocol p : Protocol.values()) {
            if (ports.equals(PortSet.all(p))) {
                return quantifier + p + " port";
            }
        }
        return ports.toString();
    }

    private static String list(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(LISTED, items.size()))) + (items.size() > LISTED ? ", ... (" + items.size() + " in all)" : "");
    }

    private Verdict pass(String detail) {
        return new Verdict(name, "reachability", true, detail, null, null);
    }

    private Verdict fail(String detail) {
        return new Verdict(name, "reachability", false, detail, null, null);
    }

    /** The expectation type. */
    public static final class Type implements ExpectationType {
        private static final Set<String> FIELDS = new TreeSet<>(List.of("from", "to", "port", "protocol", "allowed", "onlyTo", "onlyFrom"));
        private static final String EXAMPLE = "e.g. reachability: {from: shop/web, to: shop/db, port: 5432, allowed: false}, "
                + "{from: shop/web, onlyTo: [\"shop/api:8000\", \"dns:53/UDP\"]} or {to: shop/db, port: 5432, onlyFrom: [shop/api]}";

        @Override
        public String key() {
            return "reachability";
        }

        @Override
        public Expectation parse(Object value, String name, Window window, ParseContext ctx, String path) {
            if (!(value instanceof Map<?, ?> m)) {
                ctx.error(path, "reachability needs from, to and allowed, or from and onlyTo, or to and onlyFrom", EXAMPLE);
                return null;
            }
            int errors = ctx.errors().size();
            for (Object k : m.keySet()) {
                if (!FIELDS.contains(String.valueOf(k))) {
                    ctx.error(path + "." + k, "unknown field " + k + " of reachability", "use " + FIELDS);
                }
            }
            if (window.fromMillis() != 0 || window.toMillis() != ctx.duration().toMillis()) {
                ctx.error(path.substring(0, path.lastIndexOf('.')) + ".window", "reachability is judged on the cluster at the end of the run and takes no window",
                        "remove the window");
            }
            boolean onlyTo = m.containsKey("onlyTo");
            boolean onlyFrom = m.containsKey("onlyFrom");
            if (onlyTo && onlyFrom) {
                ctx.error(path, "reachability takes onlyTo or onlyFrom, not both", "write two expectations");
                return null;
            }
            if ((onlyTo || onlyFrom) && m.containsKey("allowed")) {
                ctx.error(path + ".allowed", "allowed goes with from and to, not with " + (onlyTo ? "onlyTo" : "onlyFrom"), "remove allowed");
            }
            if (onlyTo && (m.get("from") == null || m.containsKey("to"))) {
                ctx.error(path, "onlyTo needs from, and lists the destinations itself (no to)", EXAMPLE);
                return null;
            }
            if (onlyFrom && (m.get("to") == null || m.containsKey("from"))) {
                ctx.error(path, "onlyFrom needs to, and lists the sources itself (no from)", EXAMPLE);
                return null;
            }
            if (!onlyTo && !onlyFrom && (m.get("from") == null || m.get("to") == null || m.get("allowed") == null)) {
                ctx.error(path, "reachability needs from, to and allowed, or from and onlyTo, or to and onlyFrom", EXAMPLE);
                return null;
            }
            Boolean allowed = null;
            if (!onlyTo && !onlyFrom) {
                if (m.get("allowed") instanceof Boolean b) {
                    allowed = b;
                } else {
                    ctx.error(path + ".allowed", "allowed must be true or false, got " + m.get("allowed"), "write allowed: true or allowed: false");
                }
            }
            Target from = m.get("from") == null ? null : target(m.get("from"), ctx, path + ".from");
            Target to = m.get("to") == null ? null : target(m.get("to"), ctx, path + ".to");
            PortSet ports = ports(m.get("port"), m.get("protocol"), ctx, path);
            List<Allowance> only = onlyTo ? allowances(m.get("onlyTo"), ctx, path + ".onlyTo")
                    : onlyFrom ? allowances(m.get("onlyFrom"), ctx, path + ".onlyFrom") : null;
            if (ctx.errors().size() > errors) {
                return null;
            }
            Reachability r = new Reachability(name, from, to, ports, allowed, only);
            return name != null ? r : new Reachability(r.describe(), from, to, ports, allowed, only);
        }

        private static Target target(Object raw, ParseContext ctx, String path) {
            if (!(raw instanceof String text) || text.isBlank()) {
                ctx.error(path, "expected a workload, dns, world or \"*\", got " + raw, "write [KIND/]NAMESPACE/NAME or a unique NAME, e.g. shop/web");
                return null;
            }
            String t = text.strip();
            return switch (t) {
                case "*" -> new Target(t, Kind.EVERY, null);
                case "dns" -> new Target(t, Kind.DNS, null);
                case "world" -> new Target(t, Kind.WORLD, null);
                default -> {
                    int before = ctx.errors().size();
                    Target found = ctx.workload(t, path).map(w -> new Target(t, Kind.WORKLOAD, new WorkloadKey(w.kind(), w.namespace(), w.name()))).orElse(null);
                    if (found == null && ctx.errors().size() == before + 1) {
                        FieldError e = ctx.errors().remove(before);
                        ctx.error(e.path(), e.message(), e.hint() + "; or dns, world, or \"*\" for every workload");
                    }
                    yield found;
                }
            };
        }

        private static PortSet ports(Object port, Object protocol, ParseContext ctx, String path) {
            Protocol p = null;
            if (protocol != null) {
                p = Protocol.ofUser(String.valueOf(protocol).strip());
                if (p == null) {
                    ctx.error(path + ".protocol", "unknown protocol " + protocol, "write TCP, UDP or SCTP");
                    return null;
                }
            }
            if (port == null) {
                return p == null ? PortSet.ALL : PortSet.all(p);
            }
            PortSpec spec = portSpec(String.valueOf(port), ctx, path + ".port");
            if (spec == null) {
                return null;
            }
            if (p != null && spec.protocol() != null && p != spec.protocol()) {
                ctx.error(path + ".protocol", "protocol " + p + " contradicts port " + port, "give the protocol once");
                return null;
            }
            return PortSet.port(p != null ? p : spec.protocolOrTcp(), spec.number());
        }

        private static PortSpec portSpec(String text, ParseContext ctx, String path) {
            PortSpec spec = PortSpec.parse(text.strip());
            if (spec == null || (spec.name() != null && !spec.name().matches("-\\d+"))) {
                ctx.error(path, spec == null ? "\"" + text + "\" is not a port" : "named port \"" + text + "\" cannot be judged by an intent",
                        "write a port number, optionally with /TCP, /UDP or /SCTP, e.g. 5432 or 53/UDP");
                return null;
            }
            if (spec.name() != null || !spec.inRange()) {
                ctx.error(path, "port " + text + " is out of range", "ports are 1 to 65535");
                return null;
            }
            return spec;
        }

        private static List<Allowance> allowances(Object raw, ParseContext ctx, String path) {
            List<?> entries = raw instanceof List<?> l ? l : raw instanceof String ? List.of(raw) : null;
            if (entries == null) {
                ctx.error(path, "expected a list of targets, got " + raw, "e.g. [shop/api, \"shop/db:5432\", \"dns:53/UDP\"]");
                return null;
            }
            List<Allowance> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String at = path + "[" + i + "]";
                if (!(entries.get(i) instanceof String text)) {
                    ctx.error(at, "expected TARGET or \"TARGET:PORT[/PROTOCOL]\", got " + entries.get(i), "e.g. \"shop/db:5432\" or \"dns:53/UDP\"");
                    continue;
                }
                int colon = text.indexOf(':');
                Target t = target(colon < 0 ? text : text.substring(0, colon), ctx, at);
                PortSpec spec = colon < 0 ? null : portSpec(text.substring(colon + 1), ctx, at);
                if (t != null && (colon < 0 || spec != null)) {
                    out.add(new Allowance(text.strip(), t, spec == null ? PortSet.ALL : PortSet.port(spec.protocolOrTcp(), spec.number())));
                }
            }
            return out;
        }
    }

    /** The name an intent gets when the scenario gives none, from what the user wrote. */
    private String describe() {
        String on = ports.isAll() ? "" : " on " + portPhrase(false);
        if (only == null) {
            return from.text() + (allowed ? " may reach " : " may not reach ") + to.text() + on;
        }
        String listed = String.join(", ", only.stream().map(Allowance::text).toList());
        if (from != null) {
            return from.text() + (only.isEmpty() ? " reaches nothing" : " reaches only " + listed) + on;
        }
        return (only.isEmpty() ? "nothing reaches " : "only " + listed + " reach" + (only.size() == 1 ? "es " : " ")) + to.text() + on;
    }
}
