package dev.sandtable.scheduler.plugins.podtopologyspread;

import dev.sandtable.api.NodeAffinityMatcher;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.NodeSnapshot;
import dev.sandtable.scheduler.framework.ParsedSelector;
import dev.sandtable.scheduler.framework.ParsedSelector.InvalidSelectorException;
import dev.sandtable.scheduler.framework.PlacedPods;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PreFilterPlugin;
import dev.sandtable.scheduler.framework.PreScorePlugin;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Mirrors kube-scheduler v1.31 plugins/podtopologyspread: DoNotSchedule constraints as PreFilter/Filter (skew of
 * matching pods per topology domain against the global minimum, honouring minDomains, the node inclusion policies
 * and matchLabelKeys), ScheduleAnyway constraints as PreScore/Score/NormalizeScore, and cluster-level default
 * constraints applied to pods that declare none, with the selector of their Services, ReplicaSet or StatefulSet.
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "PodTopologySpread";
    public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
    public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;
    static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
    static final String LABEL_HOSTNAME = "kubernetes.io/hostname";
    static final String LABEL_TOPOLOGY_ZONE = "topology.kubernetes.io/zone";

    /** PodTopologySpreadArgs.defaultingType. */
    public enum DefaultingType { SYSTEM, LIST }

    /** The constraints applied under System defaulting, in upstream's order. */
    public static final List<TopologySpreadConstraint> SYSTEM_DEFAULT_CONSTRAINTS = List.of(
            new TopologySpreadConstraintBuilder().withTopologyKey(LABEL_HOSTNAME).withWhenUnsatisfiable(SCHEDULE_ANYWAY).withMaxSkew(3).build(),
            new TopologySpreadConstraintBuilder().withTopologyKey(LABEL_TOPOLOGY_ZONE).withWhenUnsatisfiable(SCHEDULE_ANYWAY).withMaxSkew(5).build());

    private static final Status UNSCHEDULABLE = Status.unschedulable(NAME, ERR_REASON_CONSTRAINTS_NOT_MATCH);
    private static final Status MISSING_LABEL = Status.unresolvable(NAME, ERR_REASON_NODE_LABEL_NOT_MATCH);

    private final Listers listers;
    private final Map<String, SpreadIndex> indexes = new HashMap<>();
    private final List<TopologySpreadConstraint> defaultConstraints;
    private final boolean systemDefaulted;
    // Feature gates, both on by default in v1.31; tests turn them off to port upstream's gate-disabled cases.
    boolean enableNodeInclusionPolicy = true;
    boolean enableMatchLabelKeys = true;

    /** The default-scheduler configuration: System defaulting. */
    public PodTopologySpread(Listers listers) {
        this(listers, List.of(), DefaultingType.SYSTEM);
    }

    /**
     * @param defaultConstraints PodTopologySpreadArgs.defaultConstraints, used with List defaulting
     * @param defaultingType     System (the built-in defaults; defaultConstraints must be empty) or List
     */
    public PodTopologySpread(Listers listers, List<TopologySpreadConstraint> defaultConstraints, DefaultingType defaultingType) {
        this.listers = Objects.requireNonNull(listers);
        List<TopologySpreadConstraint> given = defaultConstraints == null ? List.of() : List.copyOf(defaultConstraints);
        validateArgs(given, defaultingType);
        this.systemDefaulted = defaultingType == DefaultingType.SYSTEM;
        this.defaultConstraints = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : given;
    }

    /** The checks of validation.ValidatePodTopologySpreadArgs. */
    private static void validateArgs(List<TopologySpreadConstraint> constraints, DefaultingType type) {
        Objects.requireNonNull(type, "defaultingType");
        if (type == DefaultingType.SYSTEM && !constraints.isEmpty()) {
            throw new IllegalArgumentException("defaultConstraints: Invalid value: when .defaultingType is \"System\", .defaultConstraints must be empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < constraints.size(); i++) {
            TopologySpreadConstraint c = constraints.get(i);
            String path = "defaultConstraints[" + i + "]";
            if (c.getMaxSkew() == null || c.getMaxSkew() <= 0) {
                throw new IllegalArgumentException(path + ".maxSkew: Invalid value: " + c.getMaxSkew() + ": not in valid range 1-2147483647");
            }
            if (c.getTopologyKey() == null || c.getTopologyKey().isEmpty()) {
                throw new IllegalArgumentException(path + ".topologyKey: Required value: can not be empty");
            }
            if (!DO_NOT_SCHEDULE.equals(c.getWhenUnsatisfiable()) && !SCHEDULE_ANYWAY.equals(c.getWhenUnsatisfiable())) {
                throw new IllegalArgumentException(path + ".whenUnsatisfiable: Unsupported value: \"" + c.getWhenUnsatisfiable() + "\"");
            }
            if (!seen.add(c.getTopologyKey() + "\u0000" + c.getWhenUnsatisfiable())) {
                throw new IllegalArgumentException(path + ": Duplicate value: {" + c.getTopologyKey() + ", " + c.getWhenUnsatisfiable() + "}");
            }
            if (c.getLabelSelector() != null) {
                throw new IllegalArgumentException(path + ".labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod");
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    // ---------------------------------------------------------------- constraints

    /** The pod's own constraints for this action, or else the default ones (getConstraints / initPreScoreState). */
    List<Constraint> constraintsFor(Pod pod, String action) throws InvalidSelectorException {
        List<TopologySpreadConstraint> own = pod.getSpec().getTopologySpreadConstraints();
        if (own != null && !own.isEmpty()) {
            return filterConstraints(own, labels(pod), action);
        }
        return buildDefaultConstraints(pod, action);
    }

    private List<Constraint> filterConstraints(List<TopologySpreadConstraint> constraints, Map<String, String> podLabels, String action)
            throws InvalidSelectorException {
        List<Constraint> out = new ArrayList<>();
        for (TopologySpreadConstraint c : constraints) {
            if (!action.equals(c.getWhenUnsatisfiable())) {
                continue;
            }
            ParsedSelector selector = ParsedSelector.parse(c.getLabelSelector());
            if (enableMatchLabelKeys && c.getMatchLabelKeys() != null && !c.getMatchLabelKeys().isEmpty()) {
                Map<String, String> matchLabels = new LinkedHashMap<>();
                for (String key : c.getMatchLabelKeys()) {
                    if (podLabels.containsKey(key)) {
                        matchLabels.put(key, podLabels.get(key));
                    }
                }
                // mergeLabelSetWithSelector: a selector that selects nothing (null labelSelector) stays as it is.
                if (!matchLabels.isEmpty() && !selector.isNothing()) {
                    selector = ParsedSelector.fromSet(matchLabels).add(selector);
                }
            }
            int minDomains = c.getMinDomains() == null ? 1 : c.getMinDomains();
            boolean honorAffinity = true;
            boolean honorTaints = false;
            if (enableNodeInclusionPolicy) {
                if (c.getNodeAffinityPolicy() != null) {
                    honorAffinity = Constraint.HONOR.equals(c.getNodeAffinityPolicy());
                }
                if (c.getNodeTaintsPolicy() != null) {
                    honorTaints = Constraint.HONOR.equals(c.getNodeTaintsPolicy());
                }
            }
            String key = c.getTopologyKey() == null ? "" : c.getTopologyKey();
            out.add(new Constraint(c.getMaxSkew() == null ? 0 : c.getMaxSkew(), key, selector, minDomains, honorAffinity, honorTaints));
        }
        return out;
    }

    /** The default constraints for this action with the pod's default selector; none when that selector is empty. */
    private List<Constraint> buildDefaultConstraints(Pod pod, String action) throws InvalidSelectorException {
        List<Constraint> constraints = filterConstraints(defaultConstraints, labels(pod), action);
        if (constraints.isEmpty()) {
            return List.of();
        }
        ParsedSelector selector = defaultSelector(pod);
        if (selector.isEmpty()) {
            return List.of();
        }
        List<Constraint> out = new ArrayList<>(constraints.size());
        for (Constraint c : constraints) {
            out.add(new Constraint(c.maxSkew(), c.topologyKey(), selector, c.minDomains(), c.honorNodeAffinity(), c.honorNodeTaints()));
        }
        return out;
    }

    /**
     * helper.DefaultSelector: the union of the selectors of the Services selecting the pod, plus the requirements
     * of the selector of the ReplicaSet or StatefulSet that controls it.
     */
    ParsedSelector defaultSelector(Pod pod) {
        String ns = namespace(pod);
        Map<String, String> podLabels = labels(pod);
        Map<String, String> set = new LinkedHashMap<>();
        for (Service svc : listers.servicesSelecting(ns, podLabels)) {
            set.putAll(svc.getSpec().getSelector());
        }
        ParsedSelector selector = ParsedSelector.fromSet(set);
        OwnerReference owner = controllerOf(pod);
        if (owner == null) {
            return selector;
        }
        String apiVersion = owner.getApiVersion() == null ? "" : owner.getApiVersion();
        int slash = apiVersion.indexOf('/');
        if (slash >= 0 && apiVersion.indexOf('/', slash + 1) >= 0) {
            return selector;
        }
        if (!"apps/v1".equals(apiVersion)) {
            // ReplicationControllers (core/v1) are not modelled; other owners add nothing upstream either.
            return selector;
        }
        LabelSelector ownerSelector = null;
        boolean found = false;
        String ownerName = owner.getName() == null ? "" : owner.getName();
        if ("ReplicaSet".equals(owner.getKind())) {
            ReplicaSet rs = listers.replicaSet(ns, ownerName);
            if (rs != null) {
                ownerSelector = rs.getSpec() == null ? null : rs.getSpec().getSelector();
                found = true;
            }
        } else if ("StatefulSet".equals(owner.getKind())) {
            StatefulSet ss = listers.statefulSet(ns, ownerName);
            if (ss != null) {
                ownerSelector = ss.getSpec() == null ? null : ss.getSpec().getSelector();
                found = true;
            }
        }
        if (found) {
            try {
                selector = selector.add(ParsedSelector.parse(ownerSelector));
            } catch (InvalidSelectorException e) {
                // An unparsable owner selector is ignored, as upstream does.
            }
        }
        return selector;
    }

    private static OwnerReference controllerOf(Pod pod) {
        List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.getController())) {
                    return r;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- filtering

    @Override
    public Status preFilter(CycleState state, PodInfo pod, List<NodeInfo> allNodes) {
        List<Constraint> constraints;
        try {
            constraints = constraintsFor(pod.pod(), DO_NOT_SCHEDULE);
        } catch (InvalidSelectorException e) {
            return error("get constraints from pod: obtaining pod's hard topology spread constraints: " + e.getMessage());
        }
        if (constraints.isEmpty()) {
            return Status.SKIP;
        }
        state.write(PRE_FILTER_STATE_KEY, computePreFilterState(pod, constraints, allNodes));
        return Status.SUCCESS;
    }

    PreFilterState computePreFilterState(PodInfo pod, List<Constraint> constraints, List<NodeInfo> allNodes) {
        String ns = namespace(pod.pod());
        if (allNodes instanceof NodeSnapshot snapshot && indexable(pod, constraints)) {
            List<String> allKeys = new ArrayList<>(constraints.size());
            constraints.forEach(c -> allKeys.add(c.topologyKey()));
            Map<String, Map<String, Integer>> matchNum = new LinkedHashMap<>();
            for (Constraint c : constraints) {
                String id = ns + "\u0000" + c.selector() + "\u0000" + c.topologyKey() + "\u0000" + allKeys;
                SpreadIndex index = indexes.computeIfAbsent(id, k -> new SpreadIndex(ns, c.selector(), c.topologyKey(), List.copyOf(allKeys)));
                matchNum.put(c.topologyKey(), index.counts(snapshot));
            }
            return new PreFilterState(List.copyOf(constraints), matchNum, labels(pod.pod()));
        }
        List<String> keys = new ArrayList<>();
        int[] keyOf = new int[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            String key = constraints.get(i).topologyKey();
            int k = keys.indexOf(key);
            if (k < 0) {
                k = keys.size();
                keys.add(key);
            }
            keyOf[i] = k;
        }
        List<Map<String, Integer>> countsByKey = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            countsByKey.add(new HashMap<>());
        }
        int[] nodeCount = new int[keys.size()];
        for (NodeInfo node : allNodes) {
            Map<String, String> nodeLabels = node.labels();
            Constraint.NodeFacts facts = new Constraint.NodeFacts(pod.nodeAffinity(), pod.spec(), node.node(), node.taints());
            if (!enableNodeInclusionPolicy && !facts.matchesAffinity()) {
                continue;
            }
            if (!hasAllKeys(nodeLabels, constraints)) {
                continue;
            }
            // A node contributes one count per (key, value); among constraints sharing a key the last one counted
            // wins, as upstream's per-node map of topology pairs is overwritten.
            Arrays.fill(nodeCount, -1);
            for (int i = 0; i < constraints.size(); i++) {
                Constraint c = constraints.get(i);
                if (enableNodeInclusionPolicy && !c.includes(facts)) {
                    continue;
                }
                nodeCount[keyOf[i]] = countMatching(node, c.selector(), ns);
            }
            for (int k = 0; k < keys.size(); k++) {
                if (nodeCount[k] >= 0) {
                    countsByKey.get(k).merge(labelValue(node, keys.get(k)), nodeCount[k], Integer::sum);
                }
            }
        }
        Map<String, Map<String, Integer>> matchNum = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            matchNum.put(keys.get(k), countsByKey.get(k));
        }
        return new PreFilterState(List.copyOf(constraints), matchNum, labels(pod.pod()));
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        PreFilterState s = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class);
        if (s == null) {
            return error("reading \"" + PRE_FILTER_STATE_KEY + "\" from cycleState: not found");
        }
        for (int i = 0; i < s.constraints.size(); i++) {
            Constraint c = s.constraints.get(i);
            String value = node.label(c.topologyKey());
            if (value == null) {
                return MISSING_LABEL;
            }
            int domains = s.domainsOf[i];
            if (domains == 0) {
                // Upstream finds no domain count for the key, logs an internal error and skips the constraint.
                continue;
            }
            int min = domains < c.minDomains() ? 0 : s.minOf[i];
            int matchNum = s.countsOf[i].getOrDefault(value, 0);
            int skew = matchNum + (s.selfMatch[i] ? 1 : 0) - min;
            if (skew > c.maxSkew()) {
                return UNSCHEDULABLE;
            }
        }
        return Status.SUCCESS;
    }

    // ---------------------------------------------------------------- scoring

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes) {
        if (feasibleNodes.isEmpty() || allNodes.isEmpty()) {
            return Status.SKIP;
        }
        Pod p = pod.pod();
        List<TopologySpreadConstraint> own = p.getSpec().getTopologySpreadConstraints();
        boolean hasOwn = own != null && !own.isEmpty();
        // Nodes must have every topology key unless the constraints are the system defaults, so that nodes without
        // a zone label still get hostname spreading.
        boolean requireAllTopologies = hasOwn || !systemDefaulted;
        List<Constraint> constraints;
        try {
            constraints = constraintsFor(p, SCHEDULE_ANYWAY);
        } catch (InvalidSelectorException e) {
            return error("calculating preScoreState: " + e.getMessage());
        }
        if (constraints.isEmpty()) {
            return Status.SKIP;
        }
        state.write(PRE_SCORE_STATE_KEY, computePreScoreState(pod, constraints, requireAllTopologies, feasibleNodes, allNodes));
        return Status.SUCCESS;
    }

    PreScoreState computePreScoreState(PodInfo pod, List<Constraint> constraints, boolean requireAllTopologies,
                                       List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes) {
        String ns = namespace(pod.pod());
        int n = constraints.size();
        Set<String> ignored = new HashSet<>();
        Map<String, Map<String, long[]>> pairCounts = new LinkedHashMap<>();
        for (Constraint c : constraints) {
            pairCounts.computeIfAbsent(c.topologyKey(), k -> new HashMap<>());
        }
        int[] topoSize = new int[n];
        for (NodeInfo node : feasibleNodes) {
            Map<String, String> nodeLabels = node.labels();
            if (requireAllTopologies && !hasAllKeys(nodeLabels, constraints)) {
                ignored.add(node.name());
                continue;
            }
            for (int i = 0; i < n; i++) {
                Constraint c = constraints.get(i);
                if (LABEL_HOSTNAME.equals(c.topologyKey())) {
                    continue;
                }
                Map<String, long[]> values = pairCounts.get(c.topologyKey());
                String value = labelValue(node, c.topologyKey());
                if (!values.containsKey(value)) {
                    values.put(value, new long[1]);
                    topoSize[i]++;
                }
            }
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            int size = LABEL_HOSTNAME.equals(constraints.get(i).topologyKey()) ? feasibleNodes.size() - ignored.size() : topoSize[i];
            weights[i] = StrictMath.log(size + 2);
        }
        Map<NodeInfo, long[]> matching = allNodes instanceof NodeSnapshot snapshot ? matchingByNode(snapshot, constraints, ns) : null;
        if (matching == null) {
            countAllNodes(pod, constraints, requireAllTopologies, allNodes, ns, pairCounts);
        } else {
            // Nodes without a matching pod add nothing to any domain, so visiting only the others gives the same sums.
            matching.forEach((node, counts) -> addNodeCounts(pod, constraints, requireAllTopologies, node, counts, pairCounts));
        }
        Map<NodeInfo, long[]> hostnameCounts = new HashMap<>();
        boolean anyHostname = false;
        for (Constraint c : constraints) {
            anyHostname |= LABEL_HOSTNAME.equals(c.topologyKey());
        }
        if (anyHostname && matching != null) {
            // Score reads a node's own counts, so the nodes with matching pods are all it needs.
            hostnameCounts = matching;
        } else if (anyHostname) {
            for (NodeInfo node : feasibleNodes) {
                if (ignored.contains(node.name())) {
                    continue;
                }
                long[] counts = new long[n];
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    Constraint c = constraints.get(i);
                    if (LABEL_HOSTNAME.equals(c.topologyKey())) {
                        counts[i] = countMatching(node, c.selector(), ns);
                        any |= counts[i] != 0;
                    }
                }
                if (any) {
                    hostnameCounts.put(node, counts);
                }
            }
        }
        return new PreScoreState(List.copyOf(constraints), ignored, pairCounts, weights, hostnameCounts);
    }

    /** PreScore's walk over every node: each counted node adds its matching pods to its domain of each constraint. */
    private void countAllNodes(PodInfo pod, List<Constraint> constraints, boolean requireAllTopologies, List<NodeInfo> allNodes,
                               String ns, Map<String, Map<String, long[]>> pairCounts) {
        long[] counts = new long[constraints.size()];
        for (NodeInfo node : allNodes) {
            for (int i = 0; i < counts.length; i++) {
                String key = constraints.get(i).topologyKey();
                // Counted only where addNodeCounts will use it: a domain of some feasible node.
                counts[i] = pairCounts.get(key).containsKey(labelValue(node, key)) ? countMatching(node, constraints.get(i).selector(), ns) : 0;
            }
            addNodeCounts(pod, constraints, requireAllTopologies, node, counts, pairCounts);
        }
    }

    /** Adds one node's matching pods per constraint to the counter of its domain, when the node counts and the domain is scored. */
    private void addNodeCounts(PodInfo pod, List<Constraint> constraints, boolean requireAllTopologies, NodeInfo node, long[] counts,
                               Map<String, Map<String, long[]>> pairCounts) {
        Map<String, String> nodeLabels = node.labels();
        Constraint.NodeFacts facts = new Constraint.NodeFacts(pod.nodeAffinity(), pod.spec(), node.node(), node.taints());
        if (!enableNodeInclusionPolicy && !facts.matchesAffinity()) {
            return;
        }
        if (requireAllTopologies && !hasAllKeys(nodeLabels, constraints)) {
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            Constraint c = constraints.get(i);
            if (enableNodeInclusionPolicy && !c.includes(facts)) {
                continue;
            }
            // Only domains of some feasible node are counted; hostname domains are counted per node in PreScore's end.
            long[] counter = pairCounts.get(c.topologyKey()).get(labelValue(node, c.topologyKey()));
            if (counter != null) {
                counter[0] += counts[i];
            }
        }
    }

    /**
     * Matching pods per node and constraint, for the nodes that have any, found through the cache's label index; null
     * when some constraint's selector cannot be looked up there (then every node is walked).
     */
    static Map<NodeInfo, long[]> matchingByNode(NodeSnapshot snapshot, List<Constraint> constraints, String ns) {
        PlacedPods placed = snapshot.summary().placedPods();
        if (placed == null) {
            return null;
        }
        Map<NodeInfo, long[]> out = new HashMap<>();
        int n = constraints.size();
        for (int i = 0; i < n; i++) {
            ParsedSelector selector = constraints.get(i).selector();
            // countPodsMatchSelector counts nothing for an empty selector (one without requirements).
            if (selector.isEmpty()) {
                continue;
            }
            Map<NodeInfo, long[]> byNode = placed.countsByNode(ns, selector);
            if (byNode == null) {
                return null;
            }
            int at = i;
            byNode.forEach((node, c) -> out.computeIfAbsent(node, k -> new long[n])[at] += c[0]);
        }
        return out;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        PreScoreState s = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class);
        if (s == null || (!s.ignoredNodes.isEmpty() && s.ignoredNodes.contains(node.name()))) {
            return 0;
        }
        long[] hostCounts = s.hostnameCounts.get(node);
        double score = 0;
        for (int i = 0; i < s.constraints.size(); i++) {
            Constraint c = s.constraints.get(i);
            String value = node.label(c.topologyKey());
            if (value == null && !node.labels().containsKey(c.topologyKey())) {
                continue;
            }
            long cnt;
            if (s.hostname[i]) {
                // Hostname counts are taken per node, pods of nodes sharing a hostname value are not pooled.
                cnt = hostCounts == null ? 0 : hostCounts[i];
            } else {
                long[] counter = s.countsOf[i].get(value == null ? "" : value);
                cnt = counter == null ? 0 : counter[0];
            }
            score += (double) cnt * s.weights[i] + (double) (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    /** Fewer matching pods is better: scores are flipped between the minimum and maximum; ignored nodes get 0. */
    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        PreScoreState s = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class);
        if (s == null) {
            return;
        }
        boolean[] invalid = new boolean[scores.length];
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!s.ignoredNodes.isEmpty() && s.ignoredNodes.contains(nodes.get(i).name())) {
                invalid[i] = true;
                continue;
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            if (invalid[i]) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = MAX_NODE_SCORE;
            } else {
                scores[i] = MAX_NODE_SCORE * (max + min - scores[i]) / max;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean hasAllKeys(Map<String, String> nodeLabels, List<Constraint> constraints) {
        for (Constraint c : constraints) {
            if (!nodeLabels.containsKey(c.topologyKey())) {
                return false;
            }
        }
        return true;
    }

    /** The node's value for a key, "" when absent (a Go map read of a missing key). */
    private static String labelValue(NodeInfo node, String key) {
        String v = node.label(key);
        return v == null ? "" : v;
    }

    /** Pods on the node in the namespace whose labels the selector matches, terminating pods excluded. */
    /**
     * The indexes give the full walk's counts when every node carrying the keys is eligible: the pod's node affinity
     * admits all nodes (or is not honoured), taints are not honoured, and no two constraints share a topology key.
     */
    private boolean indexable(PodInfo pod, List<Constraint> constraints) {
        boolean anyNode = pod.nodeAffinity() == NodeAffinityMatcher.ANY;
        Set<String> keys = new HashSet<>();
        for (Constraint c : constraints) {
            if (!keys.add(c.topologyKey())) {
                return false;
            }
            if (enableNodeInclusionPolicy ? (c.honorNodeAffinity() && !anyNode) || c.honorNodeTaints() : !anyNode) {
                return false;
            }
        }
        return true;
    }

    static int countMatching(NodeInfo node, ParsedSelector selector, String ns) {
        // countPodsMatchSelector counts nothing for an empty selector (one without requirements).
        if (selector.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (PodInfo p : node.pods()) {
            Pod pod = p.pod();
            if (pod.getMetadata().getDeletionTimestamp() != null || !ns.equals(namespace(pod))) {
                continue;
            }
            if (selector.matches(pod.getMetadata().getLabels())) {
                count++;
            }
        }
        return count;
    }

    private static String namespace(Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    private static Map<String, String> labels(Pod pod) {
        Map<String, String> l = pod.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    private static Status error(String message) {
        return new Status(Status.Code.ERROR, NAME, List.of(message));
    }
}
