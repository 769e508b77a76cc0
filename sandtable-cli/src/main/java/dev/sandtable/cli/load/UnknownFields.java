package dev.sandtable.cli.load;

import java.util.Collection;
import java.util.Optional;

/** Suggests the field a user most likely meant when one is unknown (StrictFields rejects it while reading). */
final class UnknownFields {
    private UnknownFields() {
    }

    /** The known name closest to a misspelt one, if it is close enough to be what was meant. */
    static Optional<String> closest(String name, Collection<?> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object k : known) {
            int d = distance(name.toLowerCase(), String.valueOf(k).toLowerCase());
            if (d < bestDistance) {
                best = String.valueOf(k);
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
