package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random specifications on random, often hostile series (short, constant, gappy, spiky, huge,
 * tiny): every fit ends in a usable model or a clear IllegalArgumentException/LagrsException,
 * never another exception, a crash, NaN coefficients or leaked native state.
 */
class ArimaRobustnessTest {

    @Test
    void randomSpecsOnHostileSeries() {
        Random random = new Random(20261124);
        long before = NativeDiagnostics.liveArimaModels0();
        int fitted = 0;
        int rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            Arima spec = randomSpec(random);
            double[] y = hostileSeries(random);
            try (ArimaModel m = spec.fit(y)) {
                fitted++;
                for (double c : m.coefficients()) {
                    assertTrue(Double.isFinite(c), spec + " on trial " + trial + ": " + Arrays.toString(m.coefficients()));
                }
                assertTrue(m.sigma2() >= 0, spec + " sigma2");
                Forecast f = m.forecast(1 + random.nextInt(30), 0.5 + 0.49 * random.nextDouble());
                for (int i = 0; i < f.horizon(); i++) {
                    assertTrue(f.lower()[i] <= f.mean()[i] && f.mean()[i] <= f.upper()[i], spec + " interval order");
                }
                try (ArimaModel restored = ArimaModel.fromBytes(m.toBytes())) {
                    assertEquals(m.forecast(3, 0.9), restored.forecast(3, 0.9));
                }
            } catch (IllegalArgumentException | LagrsException clear) {
                rejected++;
                assertNotNull(clear.getMessage());
                assertTrue(!clear.getMessage().isBlank(), spec + " gave an empty message");
            }
        }
        assertTrue(fitted > 100, "most random cases fit: " + fitted);
        assertTrue(rejected > 10, "some hostile cases are rejected: " + rejected);
        assertEquals(before, NativeDiagnostics.liveArimaModels0(), "every model, fitted or restored, was freed");
    }

    private static Arima randomSpec(Random r) {
        Arima spec = Arima.order(r.nextInt(4), r.nextInt(3), r.nextInt(4));
        if (r.nextInt(3) == 0) {
            int[] periods = {2, 4, 7, 12};
            spec = spec.seasonal(r.nextInt(2), r.nextInt(2), r.nextInt(2), periods[r.nextInt(periods.length)]);
        }
        if (r.nextInt(4) == 0) {
            spec = spec.includeMean(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            spec = spec.includeDrift(true);
        }
        return spec;
    }

    private static double[] hostileSeries(Random r) {
        int n = r.nextInt(160);
        double[] y = new double[n];
        double scale = Math.pow(10, r.nextInt(25) - 12);
        int kind = r.nextInt(6);
        double level = 0;
        for (int i = 0; i < n; i++) {
            level += r.nextGaussian();
            y[i] = switch (kind) {
                case 0 -> 42.0 * scale;                         // constant
                case 1 -> i == n / 2 ? scale : 0.0;             // all but one zero
                case 2 -> level * scale;                         // random walk
                case 3 -> Math.sin(i / 2.0) * scale;            // deterministic wave
                case 4 -> (r.nextInt(10) == 0 ? 1e6 : 1) * r.nextGaussian() * scale; // spikes
                default -> r.nextGaussian() * scale;
            };
            if (r.nextInt(8) == 0) {
                y[i] = Double.NaN;
            }
        }
        if (n > 10 && r.nextInt(5) == 0) {
            Arrays.fill(y, n / 3, n / 3 + r.nextInt(n / 3), Double.NaN); // a run of missing values
        }
        return y;
    }
}
