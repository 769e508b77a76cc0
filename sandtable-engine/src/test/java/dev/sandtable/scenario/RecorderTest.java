package dev.sandtable.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run-length series read back exactly what a zeroed array written sample by sample would hold. */
class RecorderTest {
    private static final double[] VALUES = {0, -0.0, 1, 2.5, Double.NaN, 7};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void seriesReadBackAsAPlainArrayWouldHoldThem(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int samples = 1 + random.nextInt(400);
        Recorder recorder = new Recorder(1000, samples * 1000L);
        Map<String, double[]> model = new java.util.LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            recorder.nextSample();
            if (random.nextInt(20) == 0 || names.isEmpty()) {
                names.add("series-" + names.size());
            }
            for (String name : names) {
                // Some series are skipped in a sample, some written twice; values repeat in long runs.
                int writes = random.nextInt(10) == 0 ? 0 : random.nextInt(8) == 0 ? 2 : 1;
                for (int w = 0; w < writes; w++) {
                    double v = random.nextInt(4) == 0 ? VALUES[random.nextInt(VALUES.length)] : VALUES[name.length() % VALUES.length];
                    recorder.set(name, v);
                    model.computeIfAbsent(name, n -> new double[samples])[s] = v;
                }
            }
        }
        model.forEach((name, expected) -> {
            assertThat(recorder.values(name)).as(name).isEqualTo(expected);
            assertThat(recorder.asMap().get(name)).as(name).isEqualTo(expected);
        });
        assertThat(recorder.asMap().keySet()).containsExactlyElementsOf(model.keySet());
    }

    @Test
    void aValueHeldForAMillionSamplesReadsBackAtEverySample() {
        Recorder recorder = new Recorder(1000, 1_000_000_000L);
        Recorder.Handle h = recorder.handle("cluster.nodes");
        for (int s = 0; s < 1_000_000; s++) {
            recorder.nextSample();
            h.set(6);
        }
        double[] v = recorder.values("cluster.nodes");
        assertThat(v).hasSize(1_000_000);
        assertThat(v[0]).isEqualTo(6);
        assertThat(v[999_999]).isEqualTo(6);
    }
}
