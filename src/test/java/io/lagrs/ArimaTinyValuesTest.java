package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values near the bottom of the double range keep their spread, and the AICc of the shortest
 * series is R's. Before, auto-ARIMA's model of a series at 1e-200 or below had {@code sigma()}
 * 0 and intervals of width 0 (the squares of its residuals underflowed), and {@code aicc()} was
 * NaN for n.used <= k + 2 where R reports +Inf or a value.
 */
class ArimaTinyValuesTest {
    private static double[] series(double scale) {
        Random r = new Random(3);
        double[] y = new double[60];
        double ar = 0;
        for (int i = 0; i < y.length; i++) {
            ar = 0.6 * ar + r.nextGaussian();
            y[i] = scale * (10 + ar + 3 * Math.sin(2 * Math.PI * i / 12));
        }
        return y;
    }

    @Test
    void autoArimaKeepsTheSpreadOfTinySeries() {
        // Auto-ARIMA chooses the same model at every one of these scales (the constancy rule is
        // taken in the data's own units): its sigma and intervals follow the units.
        double reference = 1e-100;
        double sigma;
        double width;
        double logLik;
        try (ArimaModel m = AutoArima.builder().build().fit(series(reference))) {
            sigma = m.sigma() / reference;
            Forecast f = m.forecast(3, 0.95);
            width = (f.upper()[0] - f.lower()[0]) / reference;
            logLik = m.logLikelihood();
        }
        assertTrue(sigma > 1, "sigma " + sigma);
        for (double scale : new double[] {1e-160, 1e-200, 1e-250, 1e-300, 1e-305}) {
            try (ArimaModel m = AutoArima.builder().build().fit(series(scale))) {
                assertEquals(sigma, m.sigma() / scale, 1e-9 * sigma, "sigma at " + scale);
                Forecast f = m.forecast(3, 0.95);
                assertEquals(width, (f.upper()[0] - f.lower()[0]) / scale, 1e-9 * width, "width at " + scale);
                // The likelihood of data in other units: shifted by n ln(scale ratio).
                double shift = 60 * Math.log(scale / reference);
                assertEquals(logLik - shift, m.logLikelihood(), 1e-6 * Math.abs(shift), "loglik at " + scale);
            }
        }
    }

    @Test
    void aiccOfTheShortestSeriesIsRs() {
        // forecast 8.20: Arima(c(1, 3, 2), order = c(0, 0, 0)): aic 11.29724, aicc Inf;
        // Arima(c(1, 3), order = c(0, 0, 0)): aic 9.675754, aicc -2.324246, bic 7.062048;
        // Arima(c(1, 3, 2), order = c(0, 1, 0)): aicc Inf.
        try (ArimaModel m = Arima.order(0, 0, 0).fit(new double[] {1, 3, 2})) {
            assertEquals(11.29724, m.aic(), 1e-5);
            assertEquals(Double.POSITIVE_INFINITY, m.aicc());
        }
        try (ArimaModel m = Arima.order(0, 0, 0).fit(new double[] {1, 3})) {
            assertEquals(9.675754, m.aic(), 1e-5);
            assertEquals(-2.324246, m.aicc(), 1e-5);
            assertEquals(7.062048, m.bic(), 1e-5);
        }
        try (ArimaModel m = Arima.order(0, 1, 0).fit(new double[] {1, 3, 2})) {
            assertEquals(Double.POSITIVE_INFINITY, m.aicc());
        }
        // auto.arima(c(1, 3)) reports the same model and aicc.
        try (ArimaModel m = AutoArima.builder().build().fit(new double[] {1, 3})) {
            assertEquals(-2.324246, m.aicc(), 1e-5, Arrays.toString(m.order()));
        }
    }
}
