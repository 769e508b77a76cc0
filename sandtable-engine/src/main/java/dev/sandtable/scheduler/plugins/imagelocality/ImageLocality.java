package dev.sandtable.scheduler.plugins.imagelocality;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.NodeSnapshot;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PreScorePlugin;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kube-scheduler v1.31 plugins/imagelocality: favours nodes that already hold the images of the
 * pod's init and app containers. Each present image counts its size scaled by spread (nodes holding that
 * image name / all nodes); the sum is clamped to [23Mi, 1000Mi x containers] and mapped onto 0..100. The
 * score is final (no NormalizeScore). Node images come from node.status.images; nodes that report none
 * score 0.
 *
 * <p>Upstream reads the per-image node counts from the snapshot's image states; here PreScore counts, over
 * all nodes, the nodes holding each image the pod names, once per cycle.
 */
public final class ImageLocality implements ScorePlugin, PreScorePlugin {
    public static final String NAME = "ImageLocality";

    static final long MB = 1024L * 1024;
    static final long MIN_THRESHOLD = 23 * MB;
    static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    @Override
    public String name() {
        return NAME;
    }

    /** The pod's normalized image names (init containers first, repeats kept) and the node counts per name. */
    record State(List<String> images, Map<String, Integer> numNodes, int totalNumNodes) {
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes) {
        // With no image reported by any node every score is 0, which adds nothing: skip the per-image counting.
        if (allNodes instanceof NodeSnapshot snapshot) {
            if (snapshot.summary().imageNodeCounts().isEmpty()) {
                return Status.SKIP;
            }
            List<String> images = imageNames(pod.spec());
            Map<String, Integer> numNodes = new HashMap<>();
            images.forEach(i -> numNodes.put(i, snapshot.summary().imageNodeCounts().getOrDefault(i, 0)));
            state.write(PRE_SCORE_STATE_KEY, new State(images, numNodes, allNodes.size()));
            return Status.SUCCESS;
        }
        state.write(PRE_SCORE_STATE_KEY, state(pod.spec(), allNodes));
        return Status.SUCCESS;
    }

    static State state(PodSpec spec, List<NodeInfo> allNodes) {
        List<String> images = imageNames(spec);
        Map<String, Integer> numNodes = new HashMap<>();
        for (String image : images) {
            if (numNodes.containsKey(image)) {
                continue;
            }
            int n = 0;
            for (NodeInfo node : allNodes) {
                if (node.imageSizes().containsKey(image)) {
                    n++;
                }
            }
            numNodes.put(image, n);
        }
        return new State(images, numNodes, allNodes.size());
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        State s = state.read(PRE_SCORE_STATE_KEY, State.class);
        if (s == null) {
            return 0;
        }
        return score(s, node);
    }

    static long score(State s, NodeInfo node) {
        Map<String, Long> sizes = node.imageSizes();
        long sum = 0;
        if (!sizes.isEmpty()) {
            for (String image : s.images()) {
                Long size = sizes.get(image);
                if (size != null) {
                    sum += scaledImageScore(size, s.numNodes().get(image), s.totalNumNodes());
                }
            }
        }
        return calculatePriority(sum, s.images().size());
    }

    /** The image's size scaled by the fraction of nodes that hold it, truncated as upstream's float64 arithmetic. */
    static long scaledImageScore(long size, int numNodes, int totalNumNodes) {
        double spread = (double) numNodes / (double) totalNumNodes;
        return (long) ((double) size * spread);
    }

    /** Clamps the summed image scores to [minThreshold, maxThreshold] and scales them onto 0..100. */
    static long calculatePriority(long sumScores, int numContainers) {
        long maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
        if (sumScores < MIN_THRESHOLD) {
            sumScores = MIN_THRESHOLD;
        } else if (sumScores > maxThreshold) {
            sumScores = maxThreshold;
        }
        return MAX_NODE_SCORE * (sumScores - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
    }

    /** Appends ":latest" when the reference has no tag (no ':' after the last '/'). */
    static String normalizedImageName(String name) {
        String n = name == null ? "" : name;
        if (n.lastIndexOf(':') <= n.lastIndexOf('/')) {
            n = n + ":latest";
        }
        return n;
    }

    private static List<String> imageNames(PodSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            for (Container c : spec.getInitContainers()) {
                out.add(normalizedImageName(c.getImage()));
            }
        }
        if (spec.getContainers() != null) {
            for (Container c : spec.getContainers()) {
                out.add(normalizedImageName(c.getImage()));
            }
        }
        return out;
    }
}
