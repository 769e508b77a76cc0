package dev.sandtable.scheduler.framework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Formats the scheduling failure message exactly as kube-scheduler v1.31 framework.FitError.Error does. */
public final class FitError {
    public static final String NO_NODES_AVAILABLE = "no nodes available to schedule pods";

    private FitError() {
    }

    public static String message(int numAllNodes, Collection<Status> statuses) {
        return message(numAllNodes, null, statuses);
    }

    /** A PreFilter rejection replaces the per-node histogram, as upstream avoids repeating it for every node. */
    public static String message(int numAllNodes, Status preFilter, Collection<Status> statuses) {
        return message(numAllNodes, preFilter, statuses, null);
    }

    /**
     * The full FitError text: "0/N nodes are available:", then the PreFilter message or the histogram of filter
     * reasons (each "count reason", sorted as strings, joined by ", ", closed by "."), then any PostFilter
     * (preemption) message after a space.
     */
    public static String message(int numAllNodes, Status preFilter, Collection<Status> statuses, String postFilterMsg) {
        if (numAllNodes == 0) {
            return NO_NODES_AVAILABLE;
        }
        StringBuilder sb = new StringBuilder("0/").append(numAllNodes).append(" nodes are available:");
        if (preFilter != null) {
            sb.append(' ').append(String.join(", ", preFilter.reasons())).append('.');
        } else {
            Map<String, Integer> histogram = new TreeMap<>();
            for (Status s : statuses) {
                for (String r : s.reasons()) {
                    histogram.merge(r, 1, Integer::sum);
                }
            }
            List<String> parts = new ArrayList<>(histogram.size());
            histogram.forEach((reason, count) -> parts.add(count + " " + reason));
            // Go's sort.Strings orders the "count reason" strings bytewise, so "10 x" sorts before "2 y".
            parts.sort(null);
            if (!parts.isEmpty()) {
                sb.append(' ').append(String.join(", ", parts)).append('.');
            }
        }
        if (postFilterMsg != null && !postFilterMsg.isEmpty()) {
            sb.append(' ').append(postFilterMsg);
        }
        return sb.toString();
    }
}
