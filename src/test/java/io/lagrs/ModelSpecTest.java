package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

/**
 * The model-agnostic API: spec texts, every family through {@link ModelSpec} and
 * {@link FittedModel}, batches of any family, and the benchmark methods against Commons Math.
 */
class ModelSpecTest {
    private static double[] seasonal(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian();
        }
        return y;
    }

    @Test
    void textsRoundTripAndBuildersWriteTheirText() {
        for (String text : new String[] {"arima(0,1,1)(0,1,1)[12]", "auto_arima[12]", "naive", "snaive[12]", "mean",
            "drift", "window_average(3)", "seasonal_window_average(2)[12]", "auto_arima[12]|snaive[12]",
            "naive(lambda=0.5,biasadj=true)"}) {
            ModelSpec spec = ModelSpec.parse(text);
            assertEquals(text, spec.toString());
            assertEquals(spec, ModelSpec.parse(spec.toString()));
        }
        assertEquals("arima(0,1,1)(0,1,1)[12]", Arima.order(0, 1, 1).seasonal(0, 1, 1, 12).toString());
        assertEquals("arima(1,0,0,mean=false,drift=true)", Arima.order(1, 0, 0).includeMean(false).includeDrift(true).toString());
        assertEquals("auto_arima(stepwise=false)[12]",
                AutoArima.builder().seasonalPeriod(12).stepwise(false).build().toString());
        assertEquals("snaive(lambda=0)[12]", Baseline.seasonalNaive(12).lambda(0).toString());
        assertEquals("window_average(4)", Baseline.windowAverage(4).toString());
        assertEquals("auto_arima|naive", AutoArima.builder().build().withFallback(Baseline.naive()).toString());
        // The Java builders write exactly the core's canonical text.
        for (ModelSpec spec : new ModelSpec[] {Arima.order(2, 0, 0).includeMean(false), Arima.order(1, 0, 1),
            AutoArima.builder().seasonalPeriod(4).maxP(3).ic(InformationCriterion.BIC).build()}) {
            assertEquals(spec.toString(), ModelSpec.parse(spec.toString()).toString());
        }
    }

    @Test
    void illFormedTextsAndForeignOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("arima(0,1"));
        assertTrue(e.getMessage().contains("at position 9") && e.getMessage().contains("accepted forms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("snaive(drift=true)[12]"));
        assertTrue(e.getMessage().contains("takes no option 'drift'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("naive(3)"));
        assertTrue(e.getMessage().contains("naive takes no argument '3'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Baseline.seasonalNaive(0));
        assertThrows(IllegalArgumentException.class, () -> Baseline.naive().biasAdjust(true));
        assertThrows(NullPointerException.class, () -> ModelSpec.parse(null));
        assertThrows(NullPointerException.class, () -> Baseline.naive().fit(null));
    }

    @Test
    void naiveAndMeanEqualTheirFormulasWithCommonsMath() {
        double[] y = seasonal(60, 1);
        try (FittedModel naive = Baseline.naive().fit(y)) {
            assertEquals("Naive method", naive.label());
            IntervalForecast f = naive.forecast(5, new double[] {0.8, 0.95});
            // R's naive: mse over the one-step differences; se grows with sqrt(h).
            double ss = 0;
            for (int t = 1; t < y.length; t++) {
                ss += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
            }
            double sigma = Math.sqrt(ss / (y.length - 1));
            double z = new NormalDistribution().inverseCumulativeProbability(0.975);
            for (int i = 0; i < 5; i++) {
                assertEquals(y[y.length - 1], f.mean()[i], 0);
                assertEquals(y[y.length - 1] + z * sigma * Math.sqrt(i + 1), f.upper(1)[i], 1e-9);
            }
            assertTrue(Double.isNaN(naive.fitted()[0]));
            assertEquals(y[10], naive.fitted()[11], 0);
            assertTrue(Double.isNaN(naive.aicc()));
        }
        try (FittedModel mean = Baseline.mean().fit(y)) {
            DescriptiveStatistics stats = new DescriptiveStatistics(y);
            double t = new TDistribution(y.length - 1).inverseCumulativeProbability(0.9);
            double w = t * stats.getStandardDeviation() * Math.sqrt(1 + 1.0 / y.length);
            Forecast f = mean.forecast(3, 0.8);
            assertEquals(stats.getMean(), f.mean()[2], 1e-9);
            assertEquals(stats.getMean() - w, f.lower()[0], 1e-9);
            assertEquals(stats.getMean() + w, f.upper()[0], 1e-9);
        }
    }

    @Test
    void everyFamilyFitsThroughOneInterfaceAndRoundTripsThroughBytes() {
        double[] y = seasonal(72, 2);
        for (ModelSpec spec : new ModelSpec[] {Arima.order(0, 1, 1).seasonal(0, 1, 1, 12),
            ModelSpec.parse("snaive(lambda=0)[12]"), Baseline.drift(), Baseline.seasonalWindowAverage(2, 12)}) {
            try (FittedModel m = spec.fit(y); FittedModel back = FittedModel.fromBytes(m.toBytes())) {
                assertEquals(m.label(), back.label(), spec.toString());
                assertArrayEquals(m.forecast(6, 0.9).mean(), back.forecast(6, 0.9).mean(), spec.toString());
                assertEquals(y.length, m.residuals().length);
            }
        }
        try (FittedModel arima = ModelSpec.parse("arima(0,1,1)(0,1,1)[12]").fit(y)) {
            ArimaModel typed = assertInstanceOf(ArimaModel.class, arima);
            assertEquals(1, typed.ma().length);
            assertEquals("ARIMA(0,1,1)(0,1,1)[12]", arima.toString());
        }
        try (FittedModel naive = Baseline.naive().fit(y)) {
            assertThrows(IllegalArgumentException.class, () -> ArimaModel.fromBytes(naive.toBytes()));
        }
    }

    @Test
    void severalLevelsAtOnceEqualOneAtATime() {
        try (ArimaModel m = Arima.order(1, 1, 1).fit(seasonal(80, 3))) {
            IntervalForecast both = m.forecast(8, new double[] {0.8, 0.95});
            assertEquals(m.forecast(8, 0.8), both.at(0));
            assertEquals(m.forecast(8, 0.95), both.at(1));
        }
    }

    @Test
    void aFallbackFitsWhereTheFirstChoiceCannotAndTheLabelSaysWhich() {
        double[][] series = {seasonal(48, 4), {1, 2, 3, 4, 5}, null};
        ModelSpec spec = Baseline.seasonalNaive(12).withFallback(Baseline.naive());
        try (ModelBatch batch = spec.fitAll(series)) {
            assertArrayEquals(new String[] {"Seasonal naive method", "Naive method", null}, batch.labels());
            assertFalse(batch.succeeded(2));
            assertEquals("series[2] is null", batch.error(2));
            IntervalForecast[] f = batch.forecast(3, new double[] {0.95});
            assertEquals(5, f[1].mean()[0], 0);
            assertNull(f[2]);
            try (FittedModel one = batch.model(1)) {
                assertEquals("Naive method", one.label());
            }
        }
    }

    @Test
    void forecastAllKeepsNoModelAndMatchesFittingOneByOne() {
        double[] a = seasonal(40, 5);
        double[] b = seasonal(30, 6);
        double[] values = new double[a.length + b.length + 2];
        System.arraycopy(a, 0, values, 0, a.length);
        System.arraycopy(b, 0, values, a.length, b.length);
        values[values.length - 2] = Double.POSITIVE_INFINITY;
        values[values.length - 1] = 1;
        int[] offsets = {0, a.length, a.length + b.length, values.length};
        ModelSpec spec = Baseline.drift();
        BatchForecast all = spec.forecastAll(values, offsets, 4, new double[] {0.8, 0.95}, BatchOptions.defaults());
        assertEquals(3, all.size());
        try (FittedModel one = spec.fit(b)) {
            assertEquals(one.forecast(4, new double[] {0.8, 0.95}), all.forecast(1));
        }
        assertFalse(all.succeeded(2));
        assertTrue(all.error(2).contains("infinite"), all.error(2));
        assertEquals("Random walk with drift", all.label(0));
        assertTrue(Double.isNaN(all.means()[2 * 4]));
        assertThrows(IllegalArgumentException.class,
                () -> spec.forecastAll(values, offsets, 0, new double[] {0.8}, BatchOptions.defaults()));
    }

    @Test
    void closedModelsAndBatchesThrowIllegalState() {
        FittedModel m = Baseline.mean().fit(seasonal(20, 7));
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertThrows(IllegalStateException.class, m::label);
        assertEquals("GenericModel[closed]", m.toString());
        ModelBatch batch = Baseline.naive().fitAll(new double[][] {{1, 2, 3}});
        batch.close();
        assertThrows(IllegalStateException.class, batch::labels);
        assertEquals(1, batch.size());
    }
}
