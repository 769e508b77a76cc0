package dev.sandtable.autoscaler.expander;

import dev.sandtable.sim.SeededRandom;
import java.util.List;
import java.util.Map;

/**
 * cluster-autoscaler 1.31's chain strategy (expander/factory/chain.go): each expander narrows the options in turn,
 * and one of what remains is drawn at random (from the seeded generator, so runs repeat).
 */
public final class ExpanderChain {
    private final List<Expander> expanders;
    private final SeededRandom random;

    public ExpanderChain(List<String> names, Map<Integer, List<String>> priorities, SeededRandom random) {
        this.expanders = names.stream().map(n -> Expander.of(n, priorities)).toList();
        this.random = random;
    }

    /** The chosen option, or null when there is none. */
    public Option bestOption(List<Option> options) {
        List<Option> left = options;
        for (Expander e : expanders) {
            List<Option> next = e.bestOptions(left);
            if (next.size() == 1) {
                return next.get(0);
            }
            if (!next.isEmpty()) {
                left = next;
            }
        }
        return left.isEmpty() ? null : left.get(left.size() == 1 ? 0 : random.nextInt(left.size()));
    }

    public List<String> names() {
        return expanders.stream().map(Expander::name).toList();
    }
}
