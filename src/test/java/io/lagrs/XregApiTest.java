package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Regressors through the Java API: names, bad input named by column, refusal, saving. */
class XregApiTest {
    private static final int N = 120;

    private static double[] promo(int n, int from) {
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = (t + from) % 9 == 4 ? 1 : 0;
        }
        return p;
    }

    private static double[] price(int n, int from) {
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            p[t] = 5 + Math.sin((t + from) / 5.0);
        }
        return p;
    }

    /** Sales driven by a promotion (+6) and the price (-2 per unit), with AR(1) errors. */
    private static double[] sales() {
        Random r = new Random(11);
        double[] y = new double[N];
        double[] promo = promo(N, 0);
        double[] price = price(N, 0);
        double e = 0;
        for (int t = 0; t < N; t++) {
            e = 0.6 * e + 0.5 * r.nextGaussian();
            y[t] = 50 + 6 * promo[t] - 2 * price[t] + e;
        }
        return y;
    }

    private static Regressors named() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("promo", promo(N, 0));
        columns.put("price", price(N, 0));
        return Regressors.of(columns);
    }

    private static void refused(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void namedRegressorsGiveRsCoefficientNamesAndForecastByName() {
        try (ArimaModel m = (ArimaModel) ModelSpec.parse("arima(1,0,0)").fit(sales(), named())) {
            assertArrayEquals(new String[] {"ar1", "intercept", "promo", "price"}, m.coefficientNames());
            assertArrayEquals(new String[] {"promo", "price"}, m.regressorNames());
            double[] coef = m.coefficients();
            assertEquals(4, coef.length);
            assertEquals(6, coef[2], 0.5);
            assertEquals(-2, coef[3], 0.5);
            double[][] future = {promo(6, N), price(6, N)};
            Forecast byPosition = m.forecast(6, 0.95, future);
            // Any order of the named columns: matched by name.
            Forecast byName = m.forecast(6, 0.95, Regressors.of(new String[] {"price", "promo"},
                    new double[][] {future[1], future[0]}));
            assertArrayEquals(byPosition.mean(), byName.mean());
            IntervalForecast two = m.forecast(6, new double[] {0.8, 0.95}, future);
            assertArrayEquals(byPosition.upper(), two.at(1).upper());
            // A promotion on step 1 adds its coefficient to the forecast.
            double[][] more = {future[0].clone(), future[1]};
            more[0][0] = future[0][0] + 1;
            assertEquals(byPosition.mean()[0] + coef[2], m.forecast(6, 0.95, more).mean()[0], 1e-9);
            try (ArimaModel back = ArimaModel.fromBytes(m.toBytes())) {
                assertArrayEquals(m.coefficientNames(), back.coefficientNames());
                assertArrayEquals(m.regressorNames(), back.regressorNames());
                assertArrayEquals(byPosition.mean(), back.forecast(6, 0.95, future).mean());
            }
        }
    }

    @Test
    void unnamedColumnsAreNamedAsRDoes() {
        try (ArimaModel m = (ArimaModel) ModelSpec.parse("auto_arima").fit(sales(),
                new double[][] {promo(N, 0), price(N, 0)})) {
            assertArrayEquals(new String[] {"xreg1", "xreg2"}, m.regressorNames());
        }
        try (FittedModel m = ModelSpec.parse("arima(0,1,1)").fit(sales(), new double[][] {promo(N, 0)})) {
            assertArrayEquals(new String[] {"xreg"}, m.regressorNames());
        }
    }

    @Test
    void badRegressorsAreRefusedNamingTheColumn() {
        ModelSpec spec = ModelSpec.parse("arima(1,0,0)");
        double[] y = sales();
        double[] shortPrice = price(N - 1, 0);
        refused("'price' has 119 values, y has 120",
                () -> spec.fit(y, Regressors.of(new String[] {"promo", "price"}, new double[][] {promo(N, 0), shortPrice})));
        double[] bad = price(N, 0);
        bad[7] = Double.NaN;
        refused("column 'price' has a non-finite value (NaN) at row 8",
                () -> spec.fit(y, Regressors.of(new String[] {"price"}, new double[][] {bad})));
        double[] constant = new double[N];
        java.util.Arrays.fill(constant, 3);
        refused("'k' is constant and the model has a mean",
                () -> spec.fit(y, Regressors.of(new String[] {"promo", "k"}, new double[][] {promo(N, 0), constant})));
        // auto_arima keeps the column (R's auto.arima drops none): only candidates without a
        // mean, where it is the level, can be fitted.
        try (ArimaModel m = (ArimaModel) ModelSpec.parse("auto_arima").fit(y, Regressors.of(
                new String[] {"promo", "k"}, new double[][] {promo(N, 0), constant}))) {
            assertArrayEquals(new String[] {"promo", "k"}, m.regressorNames());
            assertFalse(java.util.List.of(m.coefficientNames()).contains("intercept"), m.label());
        }
        refused("used twice", () -> Regressors.of(new String[] {"a", "a"}, new double[][] {promo(N, 0), constant}));
        refused("'intercept'", () -> spec.fit(y, Regressors.of(new String[] {"intercept"}, new double[][] {constant})));
        assertThrows(NullPointerException.class, () -> spec.fit(y, (double[][]) null));
        assertThrows(NullPointerException.class, () -> spec.fit(y, new double[][] {null}));
    }

    @Test
    void familiesWithoutRegressorsRefuseThemByName() {
        for (String text : new String[] {"naive", "auto_ets", "theta[12]", "auto_arima|snaive[12]", "croston"}) {
            refused("takes no regressors", () -> ModelSpec.parse(text).fit(sales(), named()));
        }
        refused("'snaive[12]' takes no regressors", () -> ModelSpec.parse("auto_arima|snaive[12]").fit(sales(), named()));
        try (FittedModel m = ModelSpec.parse("naive").fit(sales())) {
            assertEquals(0, m.regressorNames().length);
            assertArrayEquals(m.forecast(3, 0.9).mean(), m.forecast(3, 0.9, new double[0][]).mean());
            refused("takes no regressors", () -> m.forecast(3, 0.9, new double[][] {{1, 2, 3}}));
        }
    }

    @Test
    void forecastsWithoutOrWithWrongFutureValuesAreRefused() {
        try (FittedModel m = ModelSpec.parse("arima(1,0,0)").fit(sales(), named())) {
            refused("promo, price", () -> m.forecast(4, 0.95));
            refused("promo, price", () -> m.forecast(4, new double[] {0.95}));
            refused("column 'price' has 3 values, the horizon is 4",
                    () -> m.forecast(4, 0.95, new double[][] {promo(4, N), price(3, N)}));
            refused("the model has 2 regressor(s)", () -> m.forecast(4, 0.95, new double[][] {promo(4, N)}));
            double[] inf = price(4, N);
            inf[2] = Double.POSITIVE_INFINITY;
            refused("'price' has a non-finite value (inf) at step 3",
                    () -> m.forecast(4, 0.95, new double[][] {promo(4, N), inf}));
            refused("no regressor column 'price'",
                    () -> m.forecast(4, 0.95, Regressors.of(new String[] {"promo"}, new double[][] {promo(4, N)})));
            refused("'temp' is not a regressor of the model", () -> m.forecast(4, 0.95, Regressors.of(
                    new String[] {"promo", "price", "temp"}, new double[][] {promo(4, N), price(4, N), price(4, N)})));
            assertThrows(NullPointerException.class, () -> m.forecast(4, 0.95, (double[][]) null));
            assertThrows(NullPointerException.class, () -> m.forecast(4, 0.95, new double[][] {null, null}));
        }
    }
}
