package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ARIMA through the whole Java → JNI → Rust path against golden fixtures from statsmodels and
 * R's documented outputs (testdata/arima/make_arima_fixtures.py). Tolerances come from each
 * case: coefficients |ours - theirs| <= tol * max(1, |theirs|); log-likelihood absolute, and
 * ours may be higher (a better optimum), in which case coefficients are not compared;
 * forecasts and interval widths absolute in data units.
 */
class ArimaFixturesTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Fixtures.read("arima/cases.json").get("cases")) {
            cases.add(Arguments.of(c.get("name").asText(), c));
        }
        return cases.stream();
    }

    static Arima spec(JsonNode c) {
        int[] order = Fixtures.ints(c.get("order"));
        int[] seasonal = Fixtures.ints(c.get("seasonal"));
        Arima spec = Arima.order(order[0], order[1], order[2]);
        if (seasonal[0] + seasonal[1] + seasonal[2] > 0) {
            spec = spec.seasonal(seasonal[0], seasonal[1], seasonal[2], seasonal[3]);
        }
        return spec.includeMean(c.get("include_mean").asBoolean()).includeDrift(c.get("include_drift").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(String name, JsonNode c) {
        JsonNode tol = c.get("tolerance");
        try (ArimaModel m = spec(c).fit(Fixtures.doubles(c.get("y")))) {
            double theirs = c.get("loglik").asDouble();
            double ours = m.logLikelihood();
            double loglikTol = tol.get("loglik").asDouble();
            assertTrue(ours >= theirs - loglikTol, name + ": loglik " + ours + " < reference " + theirs);
            boolean sameOptimum = ours <= theirs + loglikTol;
            if (sameOptimum) {
                assertCoefficients(name, c, m, tol.get("coef").asDouble());
            }
            double k = m.coefficients().length;
            assertEquals(-2 * ours + 2 * (k + 1), m.aic(), 1e-9, name + ": aic by R's definition");
            if (sameOptimum && c.hasNonNull("forecast")) {
                assertForecast(name, c.get("forecast"), m, tol.get("forecast").asDouble());
            }
        }
    }

    private static void assertCoefficients(String name, JsonNode c, ArimaModel m, double tol) {
        JsonNode coef = c.get("coef");
        assertClose(name + " ar", Fixtures.doubles(coef.get("ar")), m.ar(), tol);
        assertClose(name + " ma", Fixtures.doubles(coef.get("ma")), m.ma(), tol);
        assertClose(name + " sar", Fixtures.doubles(coef.get("sar")), m.seasonalAr(), tol);
        assertClose(name + " sma", Fixtures.doubles(coef.get("sma")), m.seasonalMa(), tol);
        if (coef.hasNonNull("intercept")) {
            assertClose(name + " intercept", new double[] {coef.get("intercept").asDouble()}, new double[] {m.mean()}, tol);
        } else {
            assertTrue(Double.isNaN(m.mean()), name + ": no intercept expected");
        }
        if (coef.hasNonNull("drift")) {
            assertClose(name + " drift", new double[] {coef.get("drift").asDouble()}, new double[] {m.drift()}, tol);
        } else {
            assertTrue(Double.isNaN(m.drift()), name + ": no drift expected");
        }
        double sigma2 = c.get("sigma2").asDouble();
        assertEquals(sigma2, m.sigma2(), tol * Math.abs(sigma2), name + ": sigma2 (relative)");
    }

    private static void assertForecast(String name, JsonNode f, ArimaModel m, double tol) {
        Forecast ours = m.forecast(f.get("h").asInt(), f.get("level").asDouble());
        double[] mean = Fixtures.doubles(f.get("mean"));
        double[] lower = Fixtures.doubles(f.get("lower"));
        double[] upper = Fixtures.doubles(f.get("upper"));
        for (int i = 0; i < mean.length; i++) {
            assertEquals(mean[i], ours.mean()[i], tol, name + ": forecast mean at step " + (i + 1));
            assertEquals(upper[i] - lower[i], ours.upper()[i] - ours.lower()[i], 2 * tol,
                    name + ": interval width at step " + (i + 1));
        }
    }

    private static void assertClose(String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, what + ": count");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
