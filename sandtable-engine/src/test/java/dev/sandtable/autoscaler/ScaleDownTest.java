package dev.sandtable.autoscaler;

import static dev.sandtable.autoscaler.AutoscalerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.engine.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale-down end to end: unneeded nodes go after the unneeded time; blocked ones stay, with the reason. */
class ScaleDownTest {

    @Test
    void anUnderutilizedNodeWhosePodsFitElsewhereIsDrainedAndRemoved() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 5, ""), deployment("web", 4, "700m", "1Gi", "")), Duration.ofMinutes(5));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        scale(sim, "web", 2);
        sim.runFor(Duration.ofMinutes(30));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(sim.autoscaler().events()).anyMatch(e -> e.text().startsWith("scale-down: small 2 -> 1"));
    }
}
