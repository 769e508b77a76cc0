package dev.sandtable.scheduler.framework;

import dev.sandtable.sim.SeededRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheduling cycle (kube-scheduler v1.31 schedule_one.go): filter nodes starting where the last
 * cycle stopped until enough feasible nodes are found, score them, and pick the best with random tie-breaking.
 */
public final class Framework {
    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private final Profile profile;
    private final SeededRandom random;
    private final int percentageOfNodesToScore;
    private int nextStartNodeIndex;

    /** percentageOfNodesToScore 0 means adaptive, as the upstream default. */
    public Framework(Profile profile, SeededRandom random, int percentageOfNodesToScore) {
        this.profile = profile;
        this.random = random;
        this.percentageOfNodesToScore = percentageOfNodesToScore;
    }

    public Profile profile() {
        return profile;
    }

    public ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes) {
        int all = nodes.size();
        Map<String, Status> filtered = new LinkedHashMap<>();
        if (all == 0) {
            return new ScheduleResult(pod.key(), null, 0, filtered, List.of());
        }
        int toFind = numFeasibleNodesToFind(percentageOfNodesToScore, all);
        List<NodeInfo> feasible = new ArrayList<>(Math.min(toFind, all));
        int processed = 0;
        for (int i = 0; i < all && feasible.size() < toFind; i++) {
            NodeInfo node = nodes.get((nextStartNodeIndex + i) % all);
            processed++;
            Status s = runFilters(pod, node);
            if (s.isSuccess()) {
                feasible.add(node);
            } else {
                filtered.put(node.name(), s);
            }
        }
        nextStartNodeIndex = (nextStartNodeIndex + processed) % all;
        if (feasible.isEmpty()) {
            return new ScheduleResult(pod.key(), null, all, filtered, List.of());
        }
        if (feasible.size() == 1) {
            return new ScheduleResult(pod.key(), feasible.get(0).name(), all, filtered, List.of());
        }
        List<ScheduleResult.NodeScore> scores = score(pod, feasible);
        return new ScheduleResult(pod.key(), selectHost(scores), all, filtered, scores);
    }

    /** Runs the filters in order and stops at the first that rejects, as RunFilterPlugins does. */
    public Status runFilters(PodInfo pod, NodeInfo node) {
        for (FilterPlugin f : profile.filters()) {
            Status s = f.filter(pod, node);
            if (!s.isSuccess()) {
                return s;
            }
        }
        return Status.SUCCESS;
    }

    private List<ScheduleResult.NodeScore> score(PodInfo pod, List<NodeInfo> feasible) {
        int n = feasible.size();
        long[] totals = new long[n];
        List<Map<String, Long>> byPlugin = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byPlugin.add(new LinkedHashMap<>());
        }
        long[] raw = new long[n];
        for (Profile.WeightedScore ws : profile.scores()) {
            for (int i = 0; i < n; i++) {
                raw[i] = ws.plugin().score(pod, feasible.get(i));
            }
            ws.plugin().normalize(pod, feasible, raw);
            for (int i = 0; i < n; i++) {
                long weighted = raw[i] * ws.weight();
                totals[i] += weighted;
                byPlugin.get(i).put(ws.plugin().name(), weighted);
            }
        }
        List<ScheduleResult.NodeScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScheduleResult.NodeScore(feasible.get(i).name(), totals[i], byPlugin.get(i)));
        }
        return out;
    }

    /** Reservoir sampling among the top scores, as selectHost does, drawing from the seeded generator. */
    private String selectHost(List<ScheduleResult.NodeScore> scores) {
        ScheduleResult.NodeScore selected = scores.get(0);
        int count = 1;
        for (int i = 1; i < scores.size(); i++) {
            ScheduleResult.NodeScore s = scores.get(i);
            if (s.total() > selected.total()) {
                selected = s;
                count = 1;
            } else if (s.total() == selected.total()) {
                count++;
                if (random.nextInt(count) == 0) {
                    selected = s;
                }
            }
        }
        return selected.node();
    }

    /** How many feasible nodes are enough: all below 100 nodes, else an adaptive percentage with a floor of 100. */
    public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = 50 - numAllNodes / 125;
            if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
                percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
            }
        }
        if (percentage >= 100) {
            return numAllNodes;
        }
        int numNodes = numAllNodes * percentage / 100;
        return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
    }
}
