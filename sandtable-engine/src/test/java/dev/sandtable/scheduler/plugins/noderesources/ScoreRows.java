package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.snapshot;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the ported noderesources score tables: resource lists as upstream's test helpers name them, and raw scores. */
final class ScoreRows {
    /** Upstream's extendedRes. */
    static final String EXTENDED_RES = "abc.com/xyz";

    /** Upstream's defaultResources: cpu and memory, weight 1. */
    static final List<ScoringStrategy.ResourceWeight> DEFAULT_RESOURCES = rw("cpu", 1, "memory", 1);

    /** Upstream's extendedResourceSet: cpu, memory and abc.com/xyz, weight 1 each. */
    static final List<ScoringStrategy.ResourceWeight> EXTENDED_RESOURCE_SET = rw("cpu", 1, "memory", 1, EXTENDED_RES, 1);

    private ScoreRows() {
    }

    /** Resource weights from alternating names and weights: rw("memory", 2, "cpu", 1). */
    static List<ScoringStrategy.ResourceWeight> rw(Object... nameWeight) {
        List<ScoringStrategy.ResourceWeight> out = new ArrayList<>();
        for (int i = 0; i < nameWeight.length; i += 2) {
            out.add(new ScoringStrategy.ResourceWeight((String) nameWeight[i], ((Number) nameWeight[i + 1]).longValue()));
        }
        return List.copyOf(out);
    }

    /** Shape points from alternating utilizations and scores. */
    static List<ScoringStrategy.UtilizationShapePoint> shape(long... utilizationScore) {
        List<ScoringStrategy.UtilizationShapePoint> out = new ArrayList<>();
        for (int i = 0; i < utilizationScore.length; i += 2) {
            out.add(new ScoringStrategy.UtilizationShapePoint(utilizationScore[i], utilizationScore[i + 1]));
        }
        return List.copyOf(out);
    }

    /** Score on every node of cache.NewSnapshot(existing, nodes), in node order, as the upstream tables collect them (no normalizing). */
    static long[] rawScores(ScorePlugin plugin, PodMaker pod, List<Node> nodes, List<PodMaker> existing) {
        List<Pod> pods = existing.stream().map(PodMaker::obj).toList();
        List<NodeInfo> infos = snapshot(pods, nodes);
        PodInfo p = pod.info();
        long[] got = new long[infos.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = plugin.score(new CycleState(), p, infos.get(i));
        }
        return got;
    }
}
