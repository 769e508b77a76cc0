package dev.sandtable.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of (protocol, port) pairs as NetworkPolicy rules allow them: per protocol, sorted disjoint ranges of
 * ports 1 to 65535 (networking.k8s.io/v1 NetworkPolicyPort port and endPort, Kubernetes 1.31). Immutable.
 */
public final class PortSet {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;
    private static final int[] EMPTY = new int[0];
    private static final int[] FULL = {MIN_PORT, MAX_PORT};

    public static final PortSet NONE = new PortSet(new int[][] {EMPTY, EMPTY, EMPTY});
    public static final PortSet ALL = new PortSet(new int[][] {FULL, FULL, FULL});

    /** Per protocol ordinal: from0, to0, from1, to1, ... sorted, disjoint and not adjacent. */
    private final int[][] ranges;
    private final int hash;

    private PortSet(int[][] ranges) {
        this.ranges = ranges;
        this.hash = Arrays.deepHashCode(ranges);
    }

    public static PortSet range(Protocol protocol, int from, int to) {
        int lo = Math.max(MIN_PORT, from);
        int hi = Math.min(MAX_PORT, to);
        int[][] r = {EMPTY, EMPTY, EMPTY};
        if (lo <= hi) {
            r[protocol.ordinal()] = new int[] {lo, hi};
        }
        return new PortSet(r);
    }

    public static PortSet port(Protocol protocol, int port) {
        return range(protocol, port, port);
    }

    /** Every port of one protocol. */
    public static PortSet all(Protocol protocol) {
        return range(protocol, MIN_PORT, MAX_PORT);
    }

    public boolean contains(Protocol protocol, int port) {
        int[] r = ranges[protocol.ordinal()];
        for (int i = 0; i < r.length; i += 2) {
            if (port < r[i]) {
                return false;
            }
            if (port <= r[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The lowest port of a protocol in the set, or -1 when the set has none of that protocol. */
    public int lowest(Protocol protocol) {
        int[] r = ranges[protocol.ordinal()];
        return r.length == 0 ? -1 : r[0];
    }

    public boolean isEmpty() {
        return ranges[0].length == 0 && ranges[1].length == 0 && ranges[2].length == 0;
    }

    public boolean isAll() {
        return full(ranges[0]) && full(ranges[1]) && full(ranges[2]);
    }

    public PortSet union(PortSet other) {
        if (other == this || other.isEmpty() || isAll()) {
            return this;
        }
        if (isEmpty() || other.isAll()) {
            return other;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = union(ranges[p], other.ranges[p]);
        }
        return new PortSet(r);
    }

    public PortSet intersect(PortSet other) {
        if (other == this || other.isAll() || isEmpty()) {
            return this;
        }
        if (isAll() || other.isEmpty()) {
            return other;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = intersect(ranges[p], other.ranges[p]);
        }
        return new PortSet(r);
    }

    /** The ports of this set that are not in the other. */
    public PortSet minus(PortSet other) {
        if (other.isEmpty() || isEmpty()) {
            return this;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = intersect(ranges[p], complement(other.ranges[p]));
        }
        return new PortSet(r);
    }

    /** One phrase per protocol range, TCP first: "TCP 80", "TCP 8000-8010", "UDP all"; or "all ports", or nothing. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (isAll()) {
            out.add("all ports");
            return out;
        }
        for (Protocol p : Protocol.values()) {
            int[] r = ranges[p.ordinal()];
            if (full(r)) {
                out.add(p + " all");
                continue;
            }
            for (int i = 0; i < r.length; i += 2) {
                out.add(p + " " + (r[i] == r[i + 1] ? Integer.toString(r[i]) : r[i] + "-" + r[i + 1]));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return isEmpty() ? "none" : String.join(", ", describe());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet other && hash == other.hash && Arrays.deepEquals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private static boolean full(int[] r) {
        return r.length == 2 && r[0] == MIN_PORT && r[1] == MAX_PORT;
    }

    private static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        int[] merged = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) {
            boolean takeA = j >= b.length || (i < a.length && a[i] <= b[j]);
            int lo = takeA ? a[i] : b[j];
            int hi = takeA ? a[i + 1] : b[j + 1];
            if (takeA) {
                i += 2;
            } else {
                j += 2;
            }
            if (k > 0 && lo <= merged[k - 1] + 1) {
                merged[k - 1] = Math.max(merged[k - 1], hi);
            } else {
                merged[k++] = lo;
                merged[k++] = hi;
            }
        }
        return Arrays.copyOf(merged, k);
    }

    private static int[] complement(int[] a) {
        int[] out = new int[a.length + 2];
        int k = 0;
        int next = MIN_PORT;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] > next) {
                out[k++] = next;
                out[k++] = a[i] - 1;
            }
            next = a[i + 1] + 1;
        }
        if (next <= MAX_PORT) {
            out[k++] = next;
            out[k++] = MAX_PORT;
        }
        return Arrays.copyOf(out, k);
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            int lo = Math.max(a[i], b[j]);
            int hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out[k++] = lo;
                out[k++] = hi;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return k == 0 ? EMPTY : Arrays.copyOf(out, k);
    }
}
