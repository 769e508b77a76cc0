package dev.sandtable.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns port sets as small ints and memoizes their unions and intersections, so a matrix stores and combines ids. */
final class PortSetTable {
    static final int NONE = 0;
    static final int ALL = 1;
    private final List<PortSet> sets = new ArrayList<>(List.of(PortSet.NONE, PortSet.ALL));
    private final Map<PortSet, Integer> ids = new HashMap<>(Map.of(PortSet.NONE, NONE, PortSet.ALL, ALL));
    private final Map<Long, Integer> unions = new HashMap<>();
    private final Map<Long, Integer> intersections = new HashMap<>();

    int id(PortSet s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = sets.size();
            sets.add(s);
            ids.put(s, id);
        }
        return id;
    }

    PortSet get(int id) {
        return sets.get(id);
    }

    int union(int a, int b) {
        if (a == b || b == NONE || a == ALL) {
            return a;
        }
        if (a == NONE || b == ALL) {
            return b;
        }
        long key = Math.min(a, b) * 0x1_0000_0000L + Math.max(a, b);
        Integer r = unions.get(key);
        if (r == null) {
            r = id(sets.get(a).union(sets.get(b)));
            unions.put(key, r);
        }
        return r;
    }

    int intersect(int a, int b) {
        if (a == b || b == ALL || a == NONE) {
            return a;
        }
        if (a == ALL || b == NONE) {
            return b;
        }
        long key = Math.min(a, b) * 0x1_0000_0000L + Math.max(a, b);
        Integer r = intersections.get(key);
        if (r == null) {
            r = id(sets.get(a).intersect(sets.get(b)));
            intersections.put(key, r);
        }
        return r;
    }
}
