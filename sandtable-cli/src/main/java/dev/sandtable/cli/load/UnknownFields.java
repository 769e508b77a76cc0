package dev.sandtable.cli.load;

import dev.sandtable.api.EditDistance;
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
            int d = EditDistance.between(name.toLowerCase(), String.valueOf(k).toLowerCase());
            if (d < bestDistance) {
                best = String.valueOf(k);
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? Optional.of(best) : Optional.empty();
    }
}
